using Gongkai.Domain.Reports;
using Gongkai.Web.Pages.Shared.Reports;
using static Gongkai.Tests.Reports.Outputs.ReportSamples;

namespace Gongkai.Tests.Reports.Outputs;

/// <summary>The HTML view of a report: real tables with the Word file's spans, header scopes, empty unknown cells, chart data.</summary>
public class AnnualReportViewTests
{
    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void SixSections_WithTheirTextAndTables(string golden)
    {
        var report = Golden(golden);

        var view = AnnualReportView.For(report);

        Assert.Equal($"{report.Agency}{report.Year}年政府信息公开工作年度报告", view.Title);
        Assert.Equal(report.Template.Sections, view.Sections.Select(s => s.Heading));
        Assert.Equal([report.Text.Overview!], view.Sections[0].Paragraphs);
        Assert.Equal([report.Text.Other!], view.Sections[5].Paragraphs);
        Assert.Equal(report.Template.Section2.Select(t => t.Key), view.Sections[1].Tables.Select(t => t.Caption));
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void Section3_HeaderCellsSpanAsInTheTemplate_WithScopes(string golden)
    {
        var table = AnnualReportView.For(Golden(golden)).Sections[2].Tables.Single();

        var note = table.Head[0].Cells[0];
        Assert.Equal(("td", ApplicantColumns.Caption, 3, 3, true), (note.Element, note.Text, note.ColumnSpan, note.RowSpan, note.IsNote));
        Assert.Equal(new ReportCellView("申请人情况", "th", "colgroup", 7, 1), table.Head[0].Cells[1]);
        Assert.Equal(
            [new ReportCellView("自然人", "th", "col", 1, 2), new("法人或其他组织", "th", "colgroup", 5, 1), new("总计", "th", "col", 1, 2)],
            table.Head[1].Cells);
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], table.Head[2].Cells.Select(c => c.Text));
        Assert.All(table.Head[2].Cells, c => Assert.Equal(("th", "col"), (c.Element, c.Scope)));
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void Section3_RowLabelsAreRowHeaders_MergedDownTheirGroups_FiguresAreData(string golden)
    {
        var report = Golden(golden);

        var body = AnnualReportView.For(report).Sections[2].Tables.Single().Body;

        var rows = report.Template.ApplicationRows;
        Assert.Equal(rows.Count, body.Count);
        var outcomes = body[2].Cells[0];
        Assert.Equal(("三、本年度办理结果", "th", "row", rows.Count - 3), (outcomes.Text, outcomes.Element, outcomes.Scope, outcomes.RowSpan));
        var withheld = body[rows.ToList().FindIndex(r => r.Key == "三(三)1")].Cells[0];
        Assert.Equal(("（三）不予公开", 8), (withheld.Text, withheld.RowSpan));
        Assert.Equal(3, body[0].Cells[0].ColumnSpan);
        for (var i = 0; i < rows.Count; i++)
        {
            var figures = body[i].Cells.Where(c => c.Element == "td").ToList();
            Assert.All(figures, c => Assert.True(c.IsFigure));
            Assert.Equal(report.Applications[rows[i].Key].Select(Printed), figures.Select(c => c.Text));
            Assert.All(body[i].Cells.Where(c => c.Element == "th"), c => Assert.Equal("row", c.Scope));
        }
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void UnknownCells_AreEmpty_NeverZero(string golden)
    {
        var view = AnnualReportView.For(WithUnknownCells(golden));

        Assert.Equal("", view.Sections[2].Tables.Single().Body[0].Cells[2].Text);
        Assert.Equal("", view.Sections[3].Tables.Single().Body[0].Cells[0].Text);
        Assert.Equal("", view.Sections[1].Tables[0].Body[0].Cells[1].Text);
    }

    [Fact]
    public void Section4_ReviewAndLitigationBlocks()
    {
        var report = Golden("report-2021.json");

        var table = AnnualReportView.For(report).Sections[3].Tables.Single();

        Assert.Equal([new ReportCellView("行政复议", "th", "colgroup", 5, 1), new("行政诉讼", "th", "colgroup", 10, 1)], table.Head[0].Cells);
        Assert.Equal(report.ReviewLitigation.Select(Printed), table.Body.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void Charts_OutcomeMixByKind_AndTrendOfReceivedApplications_EarlierYearsOnly()
    {
        var report = Golden("report-2020.json");

        var view = AnnualReportView.For(report, [new(2018, 9), new(2019, null), new(2020, 99), new(2021, 30)]);

        Assert.Equal(
            [new("（一）予以公开", 7), new("（二）部分公开", 3), new("（三）不予公开", 1), new("（四）无法提供", 2), new("（五）不予处理", 0), new("（六）其他处理", 1)],
            view.Charts.Outcomes);
        Assert.Equal([new ReportTrendPoint(2018, 9), new(2020, 15)], view.Charts.Trend);
        Assert.Contains("\"outcomes\":[{\"name\":", view.ChartJson, StringComparison.Ordinal);
        Assert.DoesNotContain("<", view.ChartJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_LeaveOutAKindWithAnUnknownCell()
    {
        var report = Golden("report-2021.json");
        report.Applications["三(三)2"][ApplicantColumns.Total] = null;

        var view = AnnualReportView.For(report);

        Assert.DoesNotContain(view.Charts.Outcomes, s => s.Name == "（三）不予公开");
        Assert.Contains(view.Charts.Outcomes, s => s.Name == "（一）予以公开");
    }

    [Fact]
    public void The2008Report_ShowsItsStatisticsTable()
    {
        var report = Seed("002-pingchuan-2018.json");

        var view = AnnualReportView.For(report);

        var table = Assert.Single(view.Sections.SelectMany(s => s.Tables));
        Assert.Equal("政府信息公开情况统计表", table.Caption);
        Assert.Equal(report.Template.StatisticsRows.Select(r => r.Label), table.Body.Select(r => r.Cells[0].Text));
        Assert.Empty(view.Charts.Outcomes);
    }
}
