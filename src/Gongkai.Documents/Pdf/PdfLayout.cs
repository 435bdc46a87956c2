using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Documents;

/// <summary>
/// Flows blocks down A4 pages with 1-inch margins. Lines are broken by measured width, because CJK text has no spaces to
/// break at. Table rows joined by a row span stay on one page; header rows are repeated at the top of each page.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const double Margin = 72;
    private const double CellPadding = 3;
    private const string Indent = "　　";

    private readonly PdfDocument _pdf;
    private readonly XFont _titleFont = new(CjkFontResolver.FamilyName, 18, XFontStyleEx.Bold);
    private readonly XFont _font = new(CjkFontResolver.FamilyName, 12, XFontStyleEx.Regular);
    private readonly XFont _tableFont = new(CjkFontResolver.FamilyName, 10, XFontStyleEx.Regular);
    private readonly XFont _tableHeaderFont = new(CjkFontResolver.FamilyName, 10, XFontStyleEx.Bold);
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public PdfLayout(PdfDocument pdf)
    {
        _pdf = pdf;
        NewPage();
    }

    private double Width => _page.Width.Point - (2 * Margin);

    private double Bottom => _page.Height.Point - Margin;

    public void Title(string title)
    {
        title = XmlText.Clean(title);
        var size = _gfx.MeasureString(title, _titleFont);
        _gfx.DrawString(title, _titleFont, XBrushes.Black, new XPoint(Margin + ((Width - size.Width) / 2), _y + size.Height));
        _y += size.Height * 2;
    }

    public void Paragraph(Paragraph p)
    {
        var font = p.Bold ? new XFont(CjkFontResolver.FamilyName, 12, XFontStyleEx.Bold) : _font;
        var lineHeight = font.GetHeight() * 1.5;
        var text = (p.FirstLineIndent ? Indent : "") + XmlText.Clean(p.Text);
        foreach (var line in Wrap(text, font, Width))
        {
            if (_y + lineHeight > Bottom)
            {
                NewPage();
            }
            DrawLine(line, font, Margin, Width, p.Alignment, _y + font.GetHeight());
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
        if (_y + opening > Bottom && _y > Margin)
        {
            NewPage();
        }
        DrawRows(table, grid, 0, headerRows, heights, edges, lineHeight);
        foreach (var (start, end) in Bands(grid, headerRows))
        {
            var height = heights.Skip(start).Take(end - start).Sum();
            if (height > Bottom - Margin - headerHeight)
            {
                DrawSliced(table, grid, start, end, heights, edges, lineHeight);
                continue;
            }
            if (_y + height > Bottom && _y > Margin + headerHeight)
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
        _y = Margin;
    }

    public void Dispose() => _gfx.Dispose();
}
