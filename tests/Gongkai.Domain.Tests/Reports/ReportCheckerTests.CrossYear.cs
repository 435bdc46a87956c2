using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public partial class ReportCheckerTests
{
    [Theory]
    [InlineData(2021, "2019", FindingSeverity.Error)]
    [InlineData(2020, "2021", FindingSeverity.Error)]
    [InlineData(2018, "2019", FindingSeverity.Error)]
    [InlineData(2020, "2008", FindingSeverity.Error)]
    [InlineData(2019, "2008", FindingSeverity.Warning)]
    public void WrongTemplate_TemplateNotOfTheYear_IsFlagged(int year, string code, FindingSeverity severity)
    {
        var report = new AnnualReport("某局", year, ReportTemplates.ByCode(code)!);

        var finding = Assert.Single(Findings("wrong-template", report));
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(["template"], finding.Cells);
    }

    [Fact]
    public void WrongTemplate_TemplateOfTheYear_PassesEveryYear()
    {
        for (var year = 2015; year <= 2026; year++)
        {
            Assert.Empty(Findings("wrong-template", AnnualReport.Create("某局", year)));
        }
    }

    [Fact]
    public void CarryOver_CarriedInNotLastYearsCarriedOut_IsAWarningPerColumn()
    {
        var previous = ReportFixtures.Report2020();
        var report = ReportFixtures.Report2021();
        Assert.Empty(Findings("carry-over", report, previous));

        previous.Applications["四"][0] = 3;
        previous.Applications["四"][6] = 3;

        var findings = Findings("carry-over", report, previous);
        Assert.Equal([["二", "自然人"], ["二", "总计"]], findings.Select(f => f.Cells));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Contains("2020年度报告", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CarryOver_AfterAnOldStatisticsTable_HasNothingToCompare()
    {
        var report = ReportFixtures.Report2020();
        report.Applications["二"][0] = 9;
        report.Applications["二"][6] = 9;

        var old = new AnnualReport(ReportFixtures.Agency, 2019, ReportTemplates.Statistics2008);
        Assert.Empty(Findings("carry-over", report, old));
    }

    [Fact]
    public void ItemCountCarry_LastYearsCountPlusChangeNotThisYearsCount_IsAWarning()
    {
        var report = ReportFixtures.Report2020();
        var previous = new AnnualReport(report.Agency, 2019, report.Template);
        ReportFixtures.Fill2019Section2(previous);
        previous.Section2["第二十条第（五）项", "行政许可", "上一年项目数量"] = 380;
        previous.Section2["第二十条第（五）项", "行政许可", "本年增/减"] = 7;   // 387 this year: fine
        previous.Section2["第二十条第（八）项", "行政事业性收费", "本年增/减"] = 0; // 34 + 0 = 34: fine

        var findings = Findings("item-count-carry", report, previous);

        // Every other row repeats last year's count with a non-zero change: each is flagged.
        Assert.DoesNotContain(findings, f => f.Cells[2] is "行政许可" or "行政事业性收费");
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Cells.SequenceEqual(["二", "第二十条第（六）项", "行政处罚", "上一年项目数量"]) && f.Message.Contains("为 1140", StringComparison.Ordinal));
    }

    [Fact]
    public void PublishedTotal_BelowThisYearsNewOrLastYearsTotal_IsAWarning()
    {
        var report = ReportFixtures.Report2020();
        var previous = new AnnualReport(report.Agency, 2019, report.Template);
        ReportFixtures.Fill2019Section2(previous);
        Assert.Empty(Findings("published-total", report, previous));

        report.Section2["第二十条第（一）项", "规范性文件", "对外公开总数量"] = 2;
        Assert.Contains("小于本年新公开数量", Assert.Single(Findings("published-total", report, previous)).Message, StringComparison.Ordinal);

        report.Section2["第二十条第（一）项", "规范性文件", "对外公开总数量"] = 30;
        Assert.Contains("少于2019年度报告的 38", Assert.Single(Findings("published-total", report, previous)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InForceCount_NotLastYearsPlusMadeMinusRepealed_IsAWarning()
    {
        var previous = ReportFixtures.Report2021();
        var report = new AnnualReport(previous.Agency, 2022, previous.Template);
        report.Section2["第二十条第（一）项", "行政规范性文件", "本年制发件数"] = 4;
        report.Section2["第二十条第（一）项", "行政规范性文件", "本年废止件数"] = 1;
        report.Section2["第二十条第（一）项", "行政规范性文件", "现行有效件数"] = 44;
        Assert.Empty(Findings("in-force-count", report, previous));

        report.Section2["第二十条第（一）项", "行政规范性文件", "现行有效件数"] = 45;

        var finding = Assert.Single(Findings("in-force-count", report, previous));
        Assert.Equal(["二", "第二十条第（一）项", "行政规范性文件", "现行有效件数"], finding.Cells);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void IdenticalToLastYear_SameNonZeroTablesOrSameText_AreWarnings()
    {
        var previous = ReportFixtures.Report2021();
        var report = AnnualReportJson.Read(AnnualReportJson.Write(previous).Replace("\"year\": 2021", "\"year\": 2022", StringComparison.Ordinal));

        var findings = Findings("identical-to-last-year", report, previous);
        Assert.Equal([["二"], ["三"]], findings.Select(f => f.Cells));

        var longText = string.Concat(Enumerable.Repeat("本机关认真贯彻落实政府信息公开条例，持续深化主动公开。", 5));
        previous.Text.Overview = "2021年" + longText;
        report.Text.Overview = "2022年" + longText;
        Assert.Contains(Findings("identical-to-last-year", report, previous), f => f.Cells.SequenceEqual(["一"]));
    }

    [Fact]
    public void IdenticalToLastYear_AllZeroTablesOfASmallAgency_AreNotFlagged() =>
        Assert.Empty(Findings("identical-to-last-year", ReportFixtures.Zeros(2022), ReportFixtures.Zeros(2021)));
}

public partial class ReportCheckerTests
{
    [Fact]
    public void IdenticalToLastYear_SameStatisticsTable_IsAWarning()
    {
        var previous = ReportFixtures.Zeros(2017);
        var report = ReportFixtures.Zeros(2018);
        previous.Statistics2008["（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"] = 120;
        report.Statistics2008["（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"] = 120;

        Assert.Equal(["统计表"], Assert.Single(Findings("identical-to-last-year", report, previous)).Cells);
    }
}
