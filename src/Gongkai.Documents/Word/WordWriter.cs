using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents;

/// <summary>
/// Writes a <see cref="Document"/> as .docx: the title centred and bold, text in 仿宋 (the 公文 body face; Word substitutes a
/// Song/Fang Song face where it is missing), tables with single borders, merged cells and header rows repeated on each page.
/// </summary>
public static class WordWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Half-points: 三号 (16 pt) body, 二号-ish 18 pt title; tables in 小四 (12 pt) so wide report tables fit the page.
    private const int TitleSize = 36;
    private const int BodySize = 32;
    private const int TableSize = 24;

    // A4 (11906 twips) less Word's default 1440-twip side margins: the width relative column widths are shared out of.
    private const int TextWidthTwips = 11906 - (2 * 1440);

    public static byte[] Write(Document document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var body = new W.Body();
            if (document.Official)
            {
                body.Append(Para(new Paragraph(document.Title, Alignment.Center, Bold: true), OfficialLayout.TitleSize, OfficialLayout.TitleFont));
                if (document.Reference is { Length: > 0 } reference)
                {
                    body.Append(Para(new Paragraph(reference, Alignment.Center), BodySize));
                }
            }
            else
            {
                body.Append(Para(new Paragraph(document.Title, Alignment.Center, Bold: true), TitleSize));
            }
            foreach (var block in document.Blocks)
            {
                body.Append(block switch
                {
                    Paragraph p => Para(p, BodySize),
                    Table t => TableOf(t),
                    SealSpace => OfficialLayout.SealSpace(),
                    _ => throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(document)),
                });
            }
            if (document.Official)
            {
                body.Append(OfficialLayout.Section(main));
            }
            main.Document = new W.Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static W.Paragraph Para(Paragraph p, int size, string font = BodyFont)
    {
        var props = new W.ParagraphProperties(new W.Justification { Val = Justify(p.Alignment) }, new W.SpacingBetweenLines { After = "120" });
        if (p.FirstLineIndent)
        {
            props.Append(new W.Indentation { FirstLineChars = 200 });
        }
        return new W.Paragraph(props, Run(p.Text, size, p.Bold, font));
    }

    internal const string BodyFont = "仿宋";

    internal static W.Run Run(string text, int size, bool bold, string font = BodyFont)
    {
        var runProps = new W.RunProperties(
            new W.RunFonts { EastAsia = font, Ascii = font, HighAnsi = font },
            new W.FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProps.Append(new W.Bold());
        }
        return new W.Run(runProps, new W.Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static W.Table TableOf(Table table)
    {
        var grid = TableGrid.Of(table);
        static W.BorderType Line<T>() where T : W.BorderType, new() => new T { Val = W.BorderValues.Single, Size = 4 };
        var result = new W.Table(new W.TableProperties(
            new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" },
            new W.TableBorders(Line<W.TopBorder>(), Line<W.LeftBorder>(), Line<W.BottomBorder>(), Line<W.RightBorder>(),
                Line<W.InsideHorizontalBorder>(), Line<W.InsideVerticalBorder>())));
        if (table.ColumnWidths.Count > 0)
        {
            // Fixed layout keeps the given widths instead of Word's autofit, which squeezes long row labels.
            result.GetFirstChild<W.TableProperties>()!.Append(new W.TableLayout { Type = W.TableLayoutValues.Fixed });
        }
        var columns = new W.TableGrid();
        var shares = table.Shares(grid.ColumnCount);
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            columns.Append(table.ColumnWidths.Count == 0 ? new W.GridColumn()
                : new W.GridColumn { Width = ((int)(shares[c] * TextWidthTwips)).ToString(CultureInfo.InvariantCulture) });
        }
        result.Append(columns);
        for (var r = 0; r < grid.RowCount; r++)
        {
            var header = r < table.HeaderRows;
            var row = new W.TableRow();
            if (header)
            {
                row.Append(new W.TableRowProperties(new W.TableHeader()));
            }
            for (var c = 0; c < grid.ColumnCount;)
            {
                var owner = grid.At(r, c);
                if (owner is null)
                {
                    row.Append(CellOf("", 1, null, Alignment.Left, header));
                    c++;
                    continue;
                }
                var span = owner.Cell.ColumnSpan;
                // Word merges vertically with a "restart" cell and "continue" cells below it, each as wide as the merged cell.
                W.MergedCellValues? vertical = owner.Cell.RowSpan == 1 ? null
                    : owner.Row == r ? W.MergedCellValues.Restart : W.MergedCellValues.Continue;
                row.Append(CellOf(owner.Row == r ? owner.Cell.Text : "", span, vertical, owner.Cell.Alignment, header));
                c += span;
            }
            result.Append(row);
        }
        return result;
    }

    private static W.TableCell CellOf(string text, int columnSpan, W.MergedCellValues? vertical, Alignment alignment, bool header)
    {
        var props = new W.TableCellProperties();
        if (columnSpan > 1)
        {
            props.Append(new W.GridSpan { Val = columnSpan });
        }
        if (vertical is { } v)
        {
            props.Append(new W.VerticalMerge { Val = v });
        }
        props.Append(new W.TableCellVerticalAlignment { Val = W.TableVerticalAlignmentValues.Center });
        var paragraph = new W.Paragraph(
            new W.ParagraphProperties(new W.Justification { Val = Justify(header ? Alignment.Center : alignment) }),
            Run(text, TableSize, header));
        return new W.TableCell(props, paragraph);
    }

    private static W.JustificationValues Justify(Alignment a) => a switch
    {
        Alignment.Center => W.JustificationValues.Center,
        Alignment.Right => W.JustificationValues.Right,
        Alignment.Left => W.JustificationValues.Left,
        _ => W.JustificationValues.Both,
    };
}
