using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Documents;

/// <summary>
/// Flows blocks down A4 pages with 1-inch margins, or for an official letter with the GB/T 9704 margins (天头 37 mm,
/// 订口 28 mm), a serif face in 三号 and page numbers. Lines are broken by measured width, because CJK text has no spaces to
/// break at. Table rows joined by a row span stay on one page; header rows are repeated at the top of each page.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const double Mm = 72 / 25.4;
    private const double CellPadding = 3;
    private const string Indent = "　　";

    private readonly PdfDocument _pdf;
    private readonly bool _official;
    private readonly double _top;
    private readonly double _left;
    private readonly double _right;
    private readonly double _bottom;
    private readonly string _family;
    private readonly double _bodySize;
    private readonly XFont _titleFont;
    private readonly XFont _font;
    private readonly XFont _tableFont;
    private readonly XFont _tableHeaderFont;
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public PdfLayout(PdfDocument pdf, bool official = false)
    {
        _pdf = pdf;
        _official = official;
        // GB/T 9704-2012 5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so 26 mm on the right and 35 mm at the bottom).
        (_top, _left, _right, _bottom) = official ? (37 * Mm, 28 * Mm, 26 * Mm, 35 * Mm) : (72, 72, 72, 72);
        _family = official ? CjkFontResolver.SerifFamilyName : CjkFontResolver.FamilyName;
        _bodySize = official ? 16 : 12;
        _titleFont = new(_family, official ? 22 : 18, XFontStyleEx.Bold);
        _font = new(_family, _bodySize, XFontStyleEx.Regular);
        _tableFont = new(_family, official ? 12 : 10, XFontStyleEx.Regular);
        _tableHeaderFont = new(_family, official ? 12 : 10, XFontStyleEx.Bold);
        NewPage();
    }

    private double Margin => _left;

    private double Width => _page.Width.Point - _left - _right;

    private double Bottom => _page.Height.Point - _bottom;

    public void Title(string title)
    {
        title = XmlText.Clean(title);
        var size = _gfx.MeasureString(title, _titleFont);
        _gfx.DrawString(title, _titleFont, XBrushes.Black, new XPoint(Margin + ((Width - size.Width) / 2), _y + size.Height));
        _y += size.Height * (_official ? 1.6 : 2);
    }

    /// <summary>The 发文字号, centred below the title with an empty line after it.</summary>
    public void Reference(string reference)
    {
        reference = XmlText.Clean(reference);
        DrawLine(reference, _font, Margin, Width, Alignment.Center, _y + _font.GetHeight());
        _y += _font.GetHeight() * 2.5;
    }

    /// <summary>Room for the seal above the signature; kept with the signature (a new page if both do not fit).</summary>
    public void SealSpace()
    {
        var room = _font.GetHeight() * 3;
        if (_y + room + (_font.GetHeight() * 3) > Bottom)
        {
            NewPage();
        }
        _y += room;
    }

    /// <summary>GB/T 9704 7.5: "— 1 —" in 四号 about 7 mm below the 版心, odd pages right and even pages left, one character in.</summary>
    public void PageNumbers()
    {
        if (!_official)
        {
            return;
        }
        _gfx.Dispose();
        var font = new XFont(_family, 14, XFontStyleEx.Regular);
        for (var i = 0; i < _pdf.PageCount; i++)
        {
            var page = _pdf.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = $"— {i + 1} —";
            var width = gfx.MeasureString(text, font).Width;
            var x = i % 2 == 0 ? page.Width.Point - _right - 14 - width : _left + 14;
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(x, page.Height.Point - _bottom + (7 * Mm) + font.GetHeight()));
        }
        _gfx = XGraphics.FromPdfPage(_page, XGraphicsPdfPageOptions.Append);
    }

    public void Paragraph(Paragraph p)
    {
        var font = p.Bold ? new XFont(_family, _bodySize, XFontStyleEx.Bold) : _font;
        var lineHeight = font.GetHeight() * 1.5;
        var text = (p.FirstLineIndent ? Indent : "") + XmlText.Clean(p.Text);
        foreach (var line in Wrap(text, font, Width))
        {
            if (_y + lineHeight > Bottom)
            {
                NewPage();
            }
            // 落款 and date of an official letter stand two characters in from the right edge (GB/T 9704 7.3.5).
            var inset = _official && p.Alignment == Alignment.Right ? 2 * _bodySize : 0;
            DrawLine(line, font, Margin, Width - inset, p.Alignment, _y + font.GetHeight());
            _y += lineHeight;
        }
    }

    public void Table(Table table)
    {
        var grid = TableGrid.Of(table);
        if (grid.ColumnCount == 0)
        {
            return;
        }
        var shares = table.Shares(grid.ColumnCount);
        var edges = new double[grid.ColumnCount + 1];
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            edges[c + 1] = edges[c] + (shares[c] * Width);
        }
        var lineHeight = _tableFont.GetHeight() * 1.2;
        var heights = RowHeights(table, grid, edges, lineHeight);
        var headerRows = Math.Min(table.HeaderRows, grid.RowCount);
        var headerHeight = heights.Take(headerRows).Sum();
        // The header rows and the first body row start together: a table beginning at the foot of a page moves to the next.
        var opening = headerHeight + (headerRows < grid.RowCount ? heights[headerRows] : 0);
        if (_y + opening > Bottom && _y > _top)
        {
            NewPage();
        }
        DrawRows(table, grid, 0, headerRows, heights, edges, lineHeight);
        foreach (var (start, end) in Bands(grid, headerRows))
        {
            var height = heights.Skip(start).Take(end - start).Sum();
            if (height > Bottom - _top - headerHeight)
            {
                DrawSliced(table, grid, start, end, heights, edges, lineHeight);
                continue;
            }
            if (_y + height > Bottom && _y > _top + headerHeight)
            {
                NewPage();
                DrawRows(table, grid, 0, headerRows, heights, edges, lineHeight);
            }
            DrawRows(table, grid, start, end, heights, edges, lineHeight);
        }
        _y += _font.GetHeight();
    }

    /// <summary>Each row as tall as its tallest cell; a cell spanning rows makes its last row taller if it needs more.</summary>
    private double[] RowHeights(Table table, TableGrid grid, double[] edges, double lineHeight)
    {
        var heights = Enumerable.Repeat(lineHeight + (2 * CellPadding), grid.RowCount).ToArray();
        double Needed(TableGrid.Placed p) =>
            (Wrap(XmlText.Clean(p.Cell.Text), FontOf(table, p), SpanWidth(edges, p) - (2 * CellPadding)).Count * lineHeight)
            + (2 * CellPadding);
        foreach (var p in grid.Cells.Where(p => p.Cell.RowSpan == 1))
        {
            heights[p.Row] = Math.Max(heights[p.Row], Needed(p));
        }
        foreach (var p in grid.Cells.Where(p => p.Cell.RowSpan > 1))
        {
            var last = p.Row + p.Cell.RowSpan - 1;
            var shortBy = Needed(p) - heights.Skip(p.Row).Take(p.Cell.RowSpan).Sum();
            if (shortBy > 0)
            {
                heights[last] += shortBy;
            }
        }
        return heights;
    }

    /// <summary>Runs of body rows that a row span ties together: [start, end).</summary>
    private static IEnumerable<(int Start, int End)> Bands(TableGrid grid, int from)
    {
        var start = from;
        while (start < grid.RowCount)
        {
            var end = start + 1;
            for (var r = start; r < end; r++)
            {
                foreach (var p in grid.Cells.Where(p => p.Row == r))
                {
                    end = Math.Max(end, p.Row + p.Cell.RowSpan);
                }
            }
            yield return (start, Math.Min(end, grid.RowCount));
            start = end;
        }
    }

    private void DrawRows(Table table, TableGrid grid, int start, int end, double[] heights, double[] edges, double lineHeight)
    {
        for (var r = start; r < end; r++)
        {
            foreach (var p in grid.Cells.Where(p => p.Row == r))
            {
                var x = Margin + edges[p.Column];
                var width = SpanWidth(edges, p);
                var height = heights.Skip(p.Row).Take(p.Cell.RowSpan).Sum();
                _gfx.DrawRectangle(XPens.Black, x, _y, width, height);
                var font = FontOf(table, p);
                var alignment = p.Row < table.HeaderRows ? Alignment.Center : p.Cell.Alignment;
                var baseline = _y + CellPadding + font.GetHeight();
                foreach (var line in Wrap(XmlText.Clean(p.Cell.Text), font, width - (2 * CellPadding)))
                {
                    DrawLine(line, font, x + CellPadding, width - (2 * CellPadding), alignment, baseline);
                    baseline += lineHeight;
                }
            }
            _y += heights[r];
        }
    }

    /// <summary>
    /// A band taller than a page (a label merged down more rows than fit, like 三、本年度办理结果 of the annual report) breaks
    /// between rows instead of running off the page: each row is drawn as a slice of every cell covering it, a merged cell
    /// closed at the page bottom and continued, with its text again, under the repeated header rows on the next page.
    /// </summary>
    private void DrawSliced(Table table, TableGrid grid, int start, int end, double[] heights, double[] edges, double lineHeight)
    {
        var headerRows = Math.Min(table.HeaderRows, grid.RowCount);
        var pageFirstRow = start;
        for (var r = start; r < end; r++)
        {
            if (_y + heights[r] > Bottom && r > pageFirstRow)
            {
                NewPage();
                DrawRows(table, grid, 0, headerRows, heights, edges, lineHeight);
                pageFirstRow = r;
            }
            var lastOnPage = r + 1 == end || _y + heights[r] + heights[r + 1] > Bottom;
            foreach (var p in grid.Cells.Where(p => p.Row <= r && r < p.Row + p.Cell.RowSpan))
            {
                var x = Margin + edges[p.Column];
                var width = SpanWidth(edges, p);
                var bottom = _y + heights[r];
                _gfx.DrawLine(XPens.Black, x, _y, x, bottom);
                _gfx.DrawLine(XPens.Black, x + width, _y, x + width, bottom);
                if (r == p.Row || r == pageFirstRow)
                {
                    _gfx.DrawLine(XPens.Black, x, _y, x + width, _y);
                    var font = FontOf(table, p);
                    var baseline = _y + CellPadding + font.GetHeight();
                    foreach (var line in Wrap(XmlText.Clean(p.Cell.Text), font, width - (2 * CellPadding)))
                    {
                        DrawLine(line, font, x + CellPadding, width - (2 * CellPadding), p.Cell.Alignment, baseline);
                        baseline += lineHeight;
                    }
                }
                if (r == p.Row + p.Cell.RowSpan - 1 || lastOnPage)
                {
                    _gfx.DrawLine(XPens.Black, x, bottom, x + width, bottom);
                }
            }
            _y += heights[r];
        }
    }

    /// <summary>The width of a placed cell: from its column's left edge to the right edge of the last column it spans.</summary>
    private static double SpanWidth(double[] edges, TableGrid.Placed p) => edges[p.Column + p.Cell.ColumnSpan] - edges[p.Column];

    private XFont FontOf(Table table, TableGrid.Placed p) => p.Row < table.HeaderRows ? _tableHeaderFont : _tableFont;

    private void DrawLine(string line, XFont font, double left, double width, Alignment alignment, double baseline)
    {
        var x = alignment switch
        {
            Alignment.Right => left + width - _gfx.MeasureString(line, font).Width,
            Alignment.Center => left + ((width - _gfx.MeasureString(line, font).Width) / 2),
            _ => left,
        };
        _gfx.DrawString(line, font, XBrushes.Black, new XPoint(x, baseline));
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var part in text.Split('\n'))
        {
            var start = 0;
            for (var end = 1; end <= part.Length; end++)
            {
                if (_gfx.MeasureString(part[start..end], font).Width > width && end - start > 1)
                {
                    lines.Add(part[start..(end - 1)]);
                    start = end - 1;
                }
            }
            lines.Add(part[start..]);
        }
        return lines;
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _pdf.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = _top;
    }

    public void Dispose() => _gfx.Dispose();
}
