namespace Gongkai.Documents.Tests;

/// <summary>Needs a CJK font on the machine (test.sh installs fonts-wqy-microhei), like the letters in production.</summary>
public class PdfTests
{
    static PdfTests() => PdfWriter.ConfigureLicense("AGPL");

    [Fact]
    public void Letter_HasTheCjkFontEmbedded_AndItsChineseTextExtractable()
    {
        var document = Document.Letter("政府信息公开申请答复告知书", "张三：", ["经审查，您申请获取的信息属于公开范围。"], "示例县人民政府办公室", "2026年3月20日");

        var bytes = PdfWriter.Write(document);

        var page = Assert.Single(PdfTextReader.ReadPages(bytes));
        Assert.Contains("政府信息公开申请答复告知书", page, StringComparison.Ordinal);
        Assert.Contains("经审查，您申请获取的信息属于公开范围。", page, StringComparison.Ordinal);
        Assert.Contains("示例县人民政府办公室", page, StringComparison.Ordinal);
        Assert.NotEmpty(PdfFonts.Embedded(bytes));
    }

    [Fact]
    public void LongTable_FlowsOntoMorePages_AndRepeatsItsHeader()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"第{i}行", "数据"]);

        var pages = PdfTextReader.ReadPages(PdfWriter.Write(new Document("台账", [Table.Of(["查询码", "所需信息"], rows)])));

        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.Contains("查询码", p, StringComparison.Ordinal));
        Assert.Contains("第120行", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ACellMergedDownMoreRowsThanFitOnAPage_BreaksBetweenRows_NothingRunsOffThePage()
    {
        var rows = new List<IReadOnlyList<Cell>> { new List<Cell> { new("项目"), new("细目"), new("件数") } };
        rows.Add([new Cell("三、本年度办理结果", RowSpan: 80), new Cell("第1项"), new Cell("1")]);
        rows.AddRange(Enumerable.Range(2, 79).Select(i => (IReadOnlyList<Cell>)[new Cell($"第{i}项"), new Cell($"{i}")]));
        var tall = new Table(rows, HeaderRows: 1);

        var bytes = PdfWriter.Write(new Document("表", [new Paragraph("前文"), tall, new Table([[new Cell("结果维持")], [new Cell("0")]], HeaderRows: 1)]));

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count > 1);
        Assert.All(pages, page => Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Bottom, 36, page.Height - 36)));
        Assert.All(pages.Take(pages.Count - 1), page => Assert.Contains("三、本年度办理结果", page.Text, StringComparison.Ordinal));
        Assert.Contains("第80项", string.Concat(pages.Select(p => p.Text)), StringComparison.Ordinal);
    }
}
