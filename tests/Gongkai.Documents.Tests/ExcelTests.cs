namespace Gongkai.Documents.Tests;

public class ExcelTests
{
    [Fact]
    public void Sheet_RoundTrips_AsInlineStrings()
    {
        var bytes = ExcelWriter.Write(new Worksheet("台账", [["查询码", "申请人"], ["2026ABCD", "张*"]], HeaderRows: 1));

        var sheet = XlsxReader.Read(bytes).Single();

        Assert.Equal("台账", sheet.Name);
        Assert.Equal([["查询码", "申请人"], ["2026ABCD", "张*"]], sheet.Rows);
        var xml = Parts.Read(bytes, "xl/worksheets/sheet1.xml");
        Assert.Equal(4, Parts.Count(xml, "t=\"inlineStr\""));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点此\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("0012")]
    public void TextThatLooksLikeAFormulaOrNumber_StaysText_NoFormulaIsWritten(string typed)
    {
        var bytes = ExcelWriter.Write(new Worksheet("s", [[typed]]));

        var sheet = XlsxReader.Read(bytes).Single();

        Assert.Equal(typed, sheet.Rows[0][0]);
        Assert.Equal(0, sheet.FormulaCount);
        Assert.DoesNotMatch(@"<(\w+:)?f[ >/]", Parts.Read(bytes, "xl/worksheets/sheet1.xml"));
    }

    [Fact]
    public void TableWithSpans_BecomesMergedRanges()
    {
        var table = new Table([[new Cell("项目", RowSpan: 2), new Cell("申请人情况", ColumnSpan: 2)], [new Cell("自然人"), new Cell("法人")]], HeaderRows: 2);

        var bytes = ExcelWriter.Write(Worksheet.Of("表三", table));

        var xml = Parts.Read(bytes, "xl/worksheets/sheet1.xml");
        Assert.Contains("ref=\"A1:A2\"", xml, StringComparison.Ordinal);
        Assert.Contains("ref=\"B1:C1\"", xml, StringComparison.Ordinal);
        Assert.Equal([["项目", "申请人情况", ""], ["", "自然人", "法人"]], XlsxReader.Read(bytes).Single().Rows);
    }

    [Fact]
    public void FiguresGivenAsNumbers_AreStoredAsNumbers_EmptyFiguresStayEmpty_TextStaysText()
    {
        var table = new Table([[new Cell("项目"), new Cell("件数"), new Cell("金额")],
            [new Cell("12"), Cell.Figure(12, "12"), Cell.Figure(null, "")], [new Cell("合计"), Cell.Figure(3, "3"), Cell.Figure(0.1234m, "0.1234")]], HeaderRows: 1);

        var bytes = ExcelWriter.Write(Worksheet.Of("表", table) with { ColumnWidths = [20, 8] });

        var xml = Parts.Read(bytes, "xl/worksheets/sheet1.xml");
        Assert.Contains("<x:c r=\"B2\"><x:v>12</x:v></x:c>", xml, StringComparison.Ordinal);
        Assert.Contains("<x:c r=\"C3\"><x:v>0.1234</x:v></x:c>", xml, StringComparison.Ordinal);
        Assert.Contains("<x:c r=\"A2\" t=\"inlineStr\">", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:c r=\"C2\"><x:v>", xml, StringComparison.Ordinal);
        Assert.Equal("", XlsxReader.Read(bytes).Single().Rows[1][2]);
        Assert.True(xml.IndexOf("<x:cols>", StringComparison.Ordinal) < xml.IndexOf("<x:sheetData>", StringComparison.Ordinal));
        Assert.Equal(["合计", "3", "0.1234"], XlsxReader.Read(bytes).Single().Rows[2]);
    }

    [Fact]
    public void SheetNames_AreCutToExcelsLimit_CleanedAndUnique()
    {
        var longName = new string('表', 40);
        var bytes = ExcelWriter.Write(new Worksheet(longName, [["1"]]), new Worksheet(longName, [["2"]]), new Worksheet("a/b", [["3"]]));

        var names = XlsxReader.Read(bytes).Select(s => s.Name).ToList();

        Assert.Equal([new string('表', 31), new string('表', 28) + "(2)", "a_b"], names);
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA10", 26)]
    [InlineData("XFD1", 16383)]
    [InlineData("12", -1)]
    public void ColumnOfAReference(string reference, int column) => Assert.Equal(column, XlsxReader.ColumnOf(reference));
}
