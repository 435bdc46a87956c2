using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents;

/// <summary>
/// The text of a .docx in reading order: paragraphs, and tables as rows of cell text on the table's grid. A merged cell's
/// text fills every slot it covers (a header spanning three columns heads each of them), so a checker can find a figure
/// by row and column without knowing how the author merged the headers.
/// </summary>
public static class DocxTextReader
{
    private const string Kind = "Word";

    public static DocxText Read(Stream input, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        return Read(limits.Take(input, Kind), limits);
    }

    public static DocxText Read(byte[] content, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        limits.Check(content, Kind);
        return ReadLimits.Guard(Kind, () =>
        {
            limits.CheckPackage(content, Kind);
            using var stream = new MemoryStream(content, writable: false);
            using var package = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart });
            var body = package.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException("无法读取Word文件：文件中没有正文。");
            var blocks = new List<DocxBlock>();
            Collect(body, blocks);
            return new DocxText(blocks);
        });
    }

    /// <summary>Paragraphs and tables, descending into content controls (w:sdt), which wrap blocks in forms and templates.</summary>
    private static void Collect(OpenXmlElement container, List<DocxBlock> blocks)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case W.Paragraph p:
                    blocks.Add(new DocxParagraph(TextOf(p)));
                    break;
                case W.Table t:
                    blocks.Add(TableOf(t));
                    break;
                case W.SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    Collect(content, blocks);
                    break;
            }
        }
    }

    private static DocxTable TableOf(W.Table table)
    {
        var rows = new List<List<string>>();
        foreach (var tr in table.Elements<W.TableRow>())
        {
            var row = new List<string>();
            var skipped = tr.TableRowProperties?.GetFirstChild<W.GridBefore>()?.Val?.Value ?? 0;
            row.AddRange(Enumerable.Repeat("", skipped));
            foreach (var tc in tr.Elements<W.TableCell>())
            {
                var props = tc.TableCellProperties;
                var span = Math.Max(1, props?.GridSpan?.Val?.Value ?? 1);
                var merge = props?.VerticalMerge;
                // A vMerge without a value continues the merge above (ECMA-376 17.4.85): it takes the text of the cell above.
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == W.MergedCellValues.Continue);
                var column = row.Count;
                var text = continues && rows.Count > 0 && column < rows[^1].Count ? rows[^1][column] : CellText(tc);
                row.AddRange(Enumerable.Repeat(text, span));
            }
            rows.Add(row);
        }
        return new DocxTable(rows);
    }

    /// <summary>The cell's paragraphs, one per line (those of a nested table included).</summary>
    private static string CellText(W.TableCell cell) => string.Join("\n", cell.Descendants<W.Paragraph>().Select(TextOf));

    private static string TextOf(W.Paragraph p) => string.Concat(p.Descendants().Select(e => e switch
    {
        W.Text t => t.Text,
        W.TabChar => "\t",
        W.Break => "\n",
        _ => "",
    }));
}

/// <summary>What <see cref="DocxTextReader"/> found, in reading order.</summary>
public sealed record DocxText(IReadOnlyList<DocxBlock> Blocks)
{
    public IEnumerable<string> Paragraphs => Blocks.OfType<DocxParagraph>().Select(p => p.Text);

    public IEnumerable<DocxTable> Tables => Blocks.OfType<DocxTable>();
}

public abstract record DocxBlock;

public sealed record DocxParagraph(string Text) : DocxBlock;

/// <summary>Rows of cell text on the table's grid; merged slots repeat the merged cell's text.</summary>
public sealed record DocxTable(IReadOnlyList<IReadOnlyList<string>> Rows) : DocxBlock;
