using UglyToad.PdfPig;

namespace Gongkai.Documents;

/// <summary>The text of each page of a PDF (PdfPig), in the order the page's content draws it.</summary>
public static class PdfTextReader
{
    private const string Kind = "PDF";

    public static IReadOnlyList<string> ReadPages(Stream input, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        return ReadPages(limits.Take(input, Kind), limits);
    }

    public static IReadOnlyList<string> ReadPages(byte[] content, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        limits.Check(content, Kind);
        return ReadLimits.Guard(Kind, () =>
        {
            // Strict parsing: lenient mode scans a damaged file for objects and may return some text of it; a checker
            // must not draw conclusions from half a report, so a damaged file is refused instead.
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = false });
            if (document.NumberOfPages > limits.MaxPages)
            {
                throw new UnreadableDocumentException($"PDF 文件超过 {limits.MaxPages} 页，无法读取。");
            }
            var pages = new List<string>(document.NumberOfPages);
            for (var n = 1; n <= document.NumberOfPages; n++)
            {
                pages.Add(document.GetPage(n).Text);
            }
            return pages;
        });
    }
}
