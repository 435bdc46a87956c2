using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public class AnnualReportJsonTests
{
    [Fact]
    public void Write_Report2020_MatchesGoldenFile() =>
        Golden.AssertMatches("report-2020.json", AnnualReportJson.Write(ReportFixtures.Report2020()));

    [Fact]
    public void Write_Report2021WithFindings_MatchesGoldenFile()
    {
        var report = ReportFixtures.Report2021();
        report.Applications["三(七)"][0] = 21;
        report.Findings = ReportChecker.Check(report, ReportFixtures.Report2020());
        Golden.AssertMatches("report-2021.json", AnnualReportJson.Write(report));
    }

    [Fact]
    public void ReadThenWrite_GoldenFiles_RoundTripExactly()
    {
        foreach (var name in new[] { "report-2020.json", "report-2021.json" })
        {
            var json = Golden.Read(name);
            Assert.Equal(json, AnnualReportJson.Write(AnnualReportJson.Read(json)));
        }
    }

    [Fact]
    public void Read_Report2021_RestoresEveryCell()
    {
        var original = ReportFixtures.Report2021();
        var copy = AnnualReportJson.Read(AnnualReportJson.Write(original));

        Assert.Equal(ReportTemplates.Format2021, copy.Template);
        Assert.Equal((original.Agency, original.Year), (copy.Agency, copy.Year));
        Assert.Equal(original.Section2.Cells().Select(c => c.Value), copy.Section2.Cells().Select(c => c.Value));
        Assert.Equal(12.3456m, copy.Section2["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"]);
        foreach (var row in original.Template.ApplicationRows)
        {
            Assert.Equal(original.Applications[row.Key], copy.Applications[row.Key]);
        }
        Assert.Equal(original.ReviewLitigation, copy.ReviewLitigation);
        Assert.Equal(original.Text.Overview, copy.Text.Overview);
    }

    [Fact]
    public void Write_UnknownCells_AreNullNeverZero()
    {
        var report = AnnualReport.Create("某局", 2022);
        report.Applications["一"][0] = 3;

        var json = AnnualReportJson.Write(report);

        Assert.Contains("\"一\": [3, null, null, null, null, null, null]", json, StringComparison.Ordinal);
        Assert.Contains("\"现行有效件数\": null", json, StringComparison.Ordinal);
        var copy = AnnualReportJson.Read(json);
        Assert.Null(copy.Applications["一"][1]);
        Assert.Null(copy.ReviewLitigation[14]);
    }

    [Fact]
    public void Write_Statistics2008Report_HasOnlyTheStatisticsTable()
    {
        var report = AnnualReport.Create("平川区", 2018);
        report.Statistics2008["（一）收到申请数"] = 0;

        var copy = AnnualReportJson.Read(AnnualReportJson.Write(report));

        Assert.Equal("2008", copy.Template.Code);
        Assert.Empty(copy.Applications);
        Assert.Empty(copy.ReviewLitigation);
        Assert.Equal(0m, copy.Statistics2008["（一）收到申请数"]);
        Assert.Null(copy.Statistics2008["四、（二）被依法纠错数"]);
    }

    [Theory]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","applications":{"三(六)":[0,0,0,0,0,0,0]}}""", "第三部分没有“三(六)”一行")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","applications":{"一":[1,0,0,0,0,0]}}""", "应为 7 个数字的数组")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","applications":{"一":[1.5,0,0,0,0,0,1.5]}}""", "第 1 个数应为整数")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","applications":{"一":["3",0,0,0,0,0,3]}}""", "第 1 个数应为整数")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","section2":{"第二十条第（九）项":{}}}""", "没有“第二十条第（九）项”表")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","section2":{"第二十条第（五）项":{"其他对外管理服务事项":{}}}}""", "没有“其他对外管理服务事项”一行")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","reviewLitigation":[0,0,0]}""", "应为 15 个数字的数组")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2020"}""", "未知的年报格式“2020”")]
    [InlineData("""{"agency":"某局","year":2021,"template":"2021","extra":1}""", "未知字段“extra”")]
    [InlineData("""{"agency":"某局","template":"2021"}""", "缺少字段“year”")]
    [InlineData("""not json""", "不是有效的 JSON")]
    public void Read_InputNotFittingTheTemplate_IsRefusedWithAChineseMessage(string json, string message)
    {
        var error = Assert.Throws<ReportJsonException>(() => AnnualReportJson.Read(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NegativeCount_IsKeptForTheCheckerToReport()
    {
        var report = AnnualReportJson.Read("""{"agency":"某局","year":2021,"template":"2021","applications":{"一":[-1,0,0,0,0,0,-1]}}""");

        Assert.Equal(-1, report.Applications["一"][0]);
        Assert.Contains(ReportChecker.Check(report), f => f.Rule == "non-negative" && f.Cells.SequenceEqual(["一", "自然人"]));
    }
}
