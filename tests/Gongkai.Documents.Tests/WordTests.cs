namespace Gongkai.Documents.Tests;

public class WordTests
{
    private static readonly Document Letter = Document.Letter(
        "政府信息公开申请答复告知书", "张三：", ["本机关于2026年3月2日收到您的申请。", "经审查，予以公开。"], "示例县人民政府办公室", "2026年3月20日");

    [Fact]
    public void Letter_RoundTrips_TitleBodyAndSignatureInOrder()
    {
        var text = DocxTextReader.Read(WordWriter.Write(Letter));

        Assert.Equal(
            ["政府信息公开申请答复告知书", "张三：", "本机关于2026年3月2日收到您的申请。", "经审查，予以公开。", "示例县人民政府办公室", "2026年3月20日"],
            text.Paragraphs);
    }

    [Fact]
    public void Letter_SignatureBlockIsRightAligned_BodyIsIndented()
    {
        var xml = Parts.Read(WordWriter.Write(Letter), "word/document.xml");

        Assert.Equal(2, Parts.Count(xml, "<w:jc w:val=\"right\" />"));
        Assert.Equal(2, Parts.Count(xml, "w:firstLineChars=\"200\""));
    }

    [Fact]
    public void Table_WithMergedHeaderCells_ReadsBackOnTheGrid_MergedTextInEverySlotItCovers()
    {
        // 申请人情况 spans three columns; 项目 spans two header rows (the annual report's table 3 has this shape).
        var table = new Table(
        [
            [new Cell("项目", RowSpan: 2), new Cell("申请人情况", ColumnSpan: 3)],
            [new Cell("自然人"), new Cell("法人"), new Cell("总计")],
            [new Cell("一、本年新收政府信息公开申请数量"), new Cell("12"), new Cell("3"), new Cell("15")],
        ], HeaderRows: 2);

        var read = DocxTextReader.Read(WordWriter.Write(new Document("表三", [table]))).Tables.Single();

        Assert.Equal(
        [
            ["项目", "申请人情况", "申请人情况", "申请人情况"],
            ["项目", "自然人", "法人", "总计"],
            ["一、本年新收政府信息公开申请数量", "12", "3", "15"],
        ], read.Rows);
    }

    [Fact]
    public void Table_HeaderRowsRepeatOnEachPage()
    {
        var xml = Parts.Read(WordWriter.Write(new Document("表", [Table.Of(["a", "b"], [["1", "2"]])])), "word/document.xml");

        Assert.Equal(1, Parts.Count(xml, "<w:tblHeader />"));
    }

    [Fact]
    public void Table_WithColumnWidths_HasAFixedGridInThoseProportions()
    {
        var table = Table.Of(["项目", "数"], [["一、本年新收政府信息公开申请数量", "1"]]) with { ColumnWidths = [3, 1] };

        var xml = Parts.Read(WordWriter.Write(new Document("表", [table])), "word/document.xml");

        Assert.Contains("<w:tblLayout w:type=\"fixed\" />", xml, StringComparison.Ordinal);
        Assert.Contains("<w:gridCol w:w=\"6769\" /><w:gridCol w:w=\"2256\" />", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersTypedByAnApplicant_AreDropped_TheFileStaysReadable()
    {
        var text = DocxTextReader.Read(WordWriter.Write(new Document("题", [new Paragraph("前\u0001后\uD800")])));

        Assert.Equal("前后", text.Paragraphs.Last());
    }

    [Fact]
    public void OverlappingSpans_AreRefused()
    {
        var table = new Table([[new Cell("a", RowSpan: 2), new Cell("b")], [new Cell("c", ColumnSpan: 0)]]);

        Assert.Throws<ArgumentException>(() => WordWriter.Write(new Document("题", [table])));
    }
}
