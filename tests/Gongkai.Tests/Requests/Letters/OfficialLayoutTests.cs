using Gongkai.Documents;

namespace Gongkai.Tests.Requests.Letters;

/// <summary>GB/T 9704 as far as the fonts allow: A4, 天头 37 mm / 订口 28 mm, number below the title, page numbers "— 1 —".</summary>
public sealed class OfficialLayoutTests
{
    private static Document Sample(int paragraphs = 2) => Document.OfficialLetter("政府信息公开申请答复告知书", "示政公开〔2026〕12号", "欧阳明远：",
        Enumerable.Range(1, paragraphs).Select(i => (Block)new Paragraph($"第{i}段：本机关于2026年3月2日收到您提出的政府信息公开申请。", FirstLineIndent: true)),
        "示例县人民政府办公室", "2026年3月9日");

    [Fact]
    public void TheWordLetter_HasTheGbt9704Margins_TheNumberBelowTheTitle_AndAPageNumberField()
    {
        var docx = WordWriter.Write(Sample());

        using var stream = new MemoryStream(docx);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;
        var margin = main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageMargin>().Single();
        var paragraphs = DocxTextReader.Read(docx).Paragraphs.Where(p => p.Length > 0).ToList();
        var footers = main.FooterParts.Select(f => f.Footer!.InnerText).ToList();

        Assert.Equal(2098, margin.Top!.Value); // 37 mm
        Assert.Equal(1588u, margin.Left!.Value); // 28 mm
        Assert.Equal(["政府信息公开申请答复告知书", "示政公开〔2026〕12号", "欧阳明远："], paragraphs.Take(3));
        Assert.Equal(["示例县人民政府办公室", "2026年3月9日"], paragraphs.TakeLast(2));
        Assert.All(footers, f => Assert.Matches("^— .*PAGE.* —$", f.Replace("1", "", StringComparison.Ordinal)));
        Assert.Contains(main.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Indentation>(), i => i.FirstLineChars?.Value == 200);
    }

    [Fact]
    public void ThePdfLetter_HasAPageNumberOnEveryPage_AndStaysSmall()
    {
        PdfWriter.ConfigureLicense("AGPL");

        var pdf = PdfWriter.Write(Sample(60));
        var pages = PdfTextReader.ReadPages(pdf);

        Assert.True(pages.Count >= 2, $"60 paragraphs fill more than one page, got {pages.Count}");
        Assert.All(pages.Select((text, i) => (text, i)), p => Assert.Contains($"— {p.i + 1} —", p.text, StringComparison.Ordinal));
        Assert.Contains("示政公开〔2026〕12号", pages[0], StringComparison.Ordinal);
        Assert.Contains("2026年3月9日", pages[^1], StringComparison.Ordinal);
        Assert.True(pdf.Length < 2_000_000, $"a letter embeds only the glyphs it uses, was {pdf.Length} bytes");
        if (CjkFontResolver.FindSerifFile() is not null)
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
            // A 明体/宋体-like face: Noto Serif CJK when configured, AR PL UMing (fonts-arphic-uming) by default.
            Assert.Contains(fonts, f => f != null && (f.Contains("Serif", StringComparison.OrdinalIgnoreCase) || f.Contains("Ming", StringComparison.OrdinalIgnoreCase)));
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"PDF size: {pdf.Length} bytes");
    }
}
