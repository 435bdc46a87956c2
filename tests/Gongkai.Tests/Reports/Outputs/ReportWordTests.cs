using Gongkai.Application.Reports.Outputs;
using Gongkai.Documents;
using Gongkai.Domain.Reports;
using static Gongkai.Tests.Reports.Outputs.ReportSamples;

namespace Gongkai.Tests.Reports.Outputs;

/// <summary>The .docx of a report, reopened and compared cell by cell with the model.</summary>
public class ReportWordTests
{
    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void TitleAndSixSections_InOrder_WithTheirText(string golden)
    {
        var report = Golden(golden);

        var paragraphs = DocxTextReader.Read(ReportFiles.Docx(report)).Paragraphs.ToList();

        Assert.Equal($"{report.Agency}{report.Year}年政府信息公开工作年度报告", paragraphs[0]);
        var positions = report.Template.Sections.Select(s => paragraphs.IndexOf(s)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(report.Text.Overview, paragraphs[positions[0] + 1]);
        Assert.Equal(report.Text.Problems, paragraphs[positions[4] + 1]);
        Assert.Equal(report.Text.Other, paragraphs[positions[5] + 1]);
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void Section3_EveryLabelAndNumber_InItsRowAndColumn_UnderTheMergedHeader(string golden)
    {
        var report = Golden(golden);

        var table = DocxTextReader.Read(ReportFiles.Docx(report)).Tables.ElementAt(1).Rows;

        string[] corner = [.. Enumerable.Repeat(ApplicantColumns.Caption, 3)];
        Assert.Equal([.. corner, .. Enumerable.Repeat("申请人情况", 7)], table[0]);
        Assert.Equal([.. corner, "自然人", .. Enumerable.Repeat("法人或其他组织", 5), "总计"], table[1]);
        Assert.Equal([.. corner, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], table[2]);
        var rows = report.Template.ApplicationRows;
        Assert.Equal(3 + rows.Count, table.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            string[] labels = row.Kind is ApplicationRowKind.Outcome or ApplicationRowKind.OutcomeTotal
                ? ["三、本年度办理结果", row.Group ?? row.Label, row.Label]
                : [row.Label, row.Label, row.Label];
            Assert.Equal([.. labels, .. report.Applications[row.Key].Select(Printed)], table[3 + i]);
        }
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void Section2_EveryTableRowAndColumn_AsPrinted(string golden)
    {
        var report = Golden(golden);

        var table = DocxTextReader.Read(ReportFiles.Docx(report)).Tables.ElementAt(0).Rows;

        var expected = new List<IReadOnlyList<string>>();
        foreach (var t in report.Template.Section2)
        {
            expected.Add([.. Enumerable.Repeat(t.Key, 4)]);
            expected.Add(["信息内容", .. Pad(t.Columns.Select(c => c.Label).ToList())]);
            expected.AddRange(t.Rows.Select(r => (IReadOnlyList<string>)
                [r, .. Pad(t.Columns.Select(c => ReportFigures.Text(report.Section2[t.Key, r, c.Label], c.Kind)).ToList())]));
        }
        Assert.Equal(expected, table);
    }

    [Fact]
    public void Section2_SignedChangeCarriesItsSign_AmountsKeepTheirDecimals()
    {
        var cells = DocxTextReader.Read(ReportFiles.Docx(Golden("report-2020.json"))).Tables.First().Rows.SelectMany(r => r).ToList();
        var amount = DocxTextReader.Read(ReportFiles.Docx(Golden("report-2021.json"))).Tables.First().Rows[^1];

        Assert.Contains("-62", cells);
        Assert.Equal(["行政事业性收费", "12.3456", "12.3456", "12.3456"], amount);
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void Section4_FifteenFigures_UnderReviewAndTheTwoLitigationBlocks(string golden)
    {
        var report = Golden(golden);

        var table = DocxTextReader.Read(ReportFiles.Docx(report)).Tables.ElementAt(2).Rows;

        string[] results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        Assert.Equal([.. Enumerable.Repeat("行政复议", 5), .. Enumerable.Repeat("行政诉讼", 10)], table[0]);
        Assert.Equal([.. results, .. Enumerable.Repeat("未经复议直接起诉", 5), .. Enumerable.Repeat("复议后起诉", 5)], table[1]);
        Assert.Equal([.. results, .. results, .. results], table[2]);
        Assert.Equal(report.ReviewLitigation.Select(Printed), table[3]);
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void UnknownCells_AreEmpty_NeverZero(string golden)
    {
        var report = WithUnknownCells(golden);

        var tables = DocxTextReader.Read(ReportFiles.Docx(report)).Tables.ToList();

        var section3 = tables[1].Rows;
        var totalRow = 3 + report.Template.ApplicationRows.ToList().FindIndex(r => r.Key == "三(七)");
        Assert.Equal("", section3[3][3 + 1]);
        Assert.Equal("", section3[totalRow][3 + ApplicantColumns.Total]);
        Assert.Equal("", tables[2].Rows[3][0]);
        Assert.Equal("", tables[0].Rows[2][1]);
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void HeadersAreMergedCells_AndRepeatOnEveryPage(string golden)
    {
        var xml = OfficeParts.Read(ReportFiles.Docx(Golden(golden)), "word/document.xml");

        Assert.Matches(MergedCell(7, "申请人情况"), xml);
        Assert.Matches(MergedCell(5, "法人或其他组织"), xml);
        Assert.Matches(MergedCell(10, "行政诉讼"), xml);
        Assert.Matches("<w:vMerge w:val=\"restart\" />(?:(?!</w:tc>).)*>三、本年度办理结果</w:t>", xml);
        // Three header rows in table 三 and three in table 四 repeat at the top of each page.
        Assert.Equal(6, OfficeParts.Count(xml, "<w:tblHeader />"));
    }

    [Fact]
    public void The2008StatisticsTable_IsShownWithEveryRowLabelUnitAndFigure()
    {
        var report = Seed("002-pingchuan-2018.json");

        var docx = DocxTextReader.Read(ReportFiles.Docx(report));

        var table = Assert.Single(docx.Tables).Rows;
        Assert.Equal(["统计指标", "单位", "统计数"], table[0]);
        var rows = report.Template.StatisticsRows;
        Assert.Equal(1 + rows.Count, table.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Label, table[1 + i][0]);
            var figure = rows[i].IsHeader ? "—" : report.Statistics2008[rows[i].Key]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Assert.Equal(figure, table[1 + i][2]);
        }
        Assert.Contains("政府信息公开情况统计表", docx.Paragraphs);
    }

    /// <summary>A table cell spanning <paramref name="columns"/> grid columns whose text is <paramref name="text"/>.</summary>
    private static string MergedCell(int columns, string text) => $"<w:gridSpan w:val=\"{columns}\" />(?:(?!</w:tc>).)*>{text}</w:t>";

    private static IEnumerable<string> Pad(List<string> cells) =>
        cells.Count == 3 ? cells : [.. cells.Take(cells.Count - 1), .. Enumerable.Repeat(cells[^1], 4 - cells.Count)];
}
