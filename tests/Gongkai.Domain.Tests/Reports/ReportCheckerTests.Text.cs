using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public partial class ReportCheckerTests
{
    [Theory]
    [InlineData("2021年，全县共收到依申请公开25件，均在规定时间内进行了答复。")]
    [InlineData("全年受理依申请公开信息 25 件，回复率达 100%。")]
    [InlineData("共收到政府信息公开申请27件（含上年结转）。")]
    [InlineData("共收到来信来访185条，收到依申请公开25件，已全部办结完毕。")]
    [InlineData("历年累计受理政府信息依申请公开申请1条（2016年受理）。")]
    [InlineData("收到申请25件，其中企业申请3件。")]
    [InlineData("本年度办结申请30件。")]
    public void TextNumbers_CountsThatAgreeOrAreNotThisYearsIntake_PassConservatively(string overview)
    {
        var report = ReportFixtures.Report2021();
        report.Text.Overview = overview;

        Assert.Empty(Findings("text-numbers", report));
    }

    [Theory]
    [InlineData("2021年，全县共收到依申请公开24件，主要涉及征地补偿等内容。", "称收到申请 24 件")]
    [InlineData("2021年未收到政府信息依申请公开申请。", "称收到申请 0 件")]
    [InlineData("接到依申请公开事项10次且已处理。", "称收到申请 10 件")]
    public void TextNumbers_IntakeQuotedInTheOverviewDiffersFromTheTable_IsAWarning(string overview, string message)
    {
        var report = ReportFixtures.Report2021();
        report.Text.Overview = overview;

        var finding = Assert.Single(Findings("text-numbers", report));
        Assert.Equal(["一"], finding.Cells);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Contains("总计为 25", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextNumbers_NoAppealsClaimedButSection4HasCases_IsAWarningPerKind()
    {
        var report = ReportFixtures.Report2021();
        report.Text.Overview = "没有发生因信息公开提出复议或诉讼情况。";

        var findings = Findings("text-numbers", report);

        Assert.Equal(2, findings.Count);
        Assert.Contains("“行政复议”的“结果纠正”（1）", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("“复议后起诉”的“结果维持”（1）", findings[1].Message, StringComparison.Ordinal);

        report.WithReviewLitigation(new int?[15].Select(_ => (int?)0).ToArray());
        Assert.Empty(Findings("text-numbers", report));
    }

    [Fact]
    public void TextNumbers_OldStatisticsTable_ComparesWithTheReceivedRow()
    {
        var report = ReportFixtures.Zeros(2018);
        report.Text.Overview = "2018年共收到政府信息公开申请3件。";

        Assert.Contains("总计为 0", Assert.Single(Findings("text-numbers", report)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("本报告依据《条例》和《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求编制。", true)]
    [InlineData("本报告依据国办公开办函〔2019〕60 号编制。", true)]
    [InlineData("本报告依据国办公开办函〔2021〕30号编制，参照国办公开办函〔2019〕60号的说明。", false)]
    [InlineData("本报告依据国办公开办函〔2021〕30号编制。", false)]
    public void CitedNotice_A2021ReportCitingOnlyThe2019Notice_IsAWarning(string overview, bool flagged)
    {
        var report = ReportFixtures.Report2021();
        report.Text.Overview = overview;

        Assert.Equal(flagged, Findings("cited-notice", report).Count == 1);
    }

    [Fact]
    public void CitedNotice_A2020ReportCitingThe2019Notice_Passes()
    {
        var report = ReportFixtures.Report2020();
        report.Text.Overview = "依据国办公开办函〔2019〕60号编制。";

        Assert.Empty(Findings("cited-notice", report));
    }

    [Fact]
    public void RepeatedRow_TwoRowsWithTheSameNonZeroNumbers_IsAWarning_ButZeroRowsAreNot()
    {
        var report = ReportFixtures.Report2020();
        Assert.Empty(Findings("repeated-row", report)); // 规章 0,0,0 twice would be fine too

        report.Section2["第二十条第（六）项", "行政强制", "上一年项目数量"] = 615;
        report.Section2["第二十条第（六）项", "行政强制", "本年增/减"] = -6;
        report.Section2["第二十条第（六）项", "行政强制", "处理决定数量"] = 312578;

        var finding = Assert.Single(Findings("repeated-row", report));
        Assert.Equal(["二", "第二十条第（六）项", "行政强制", "上一年项目数量"], finding.Cells);
    }
}

public partial class ReportCheckerTests
{
    [Fact]
    public void AccountabilityContent_AGovernmentsReportSilentOnAppraisalAndAccountability_IsAWarning()
    {
        var report = ReportFixtures.Report2021();
        report.Text.Overview = "将政务公开纳入绩效考核。";

        var finding = Assert.Single(ReportChecker.Check(report, null, AgencyKind.Government), f => f.Rule == "accountability-content");
        Assert.EndsWith("正文未提及：社会评议、责任追究结果。", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportChecker.Check(report, null, AgencyKind.Department), f => f.Rule == "accountability-content");
        Assert.DoesNotContain(ReportChecker.Check(report), f => f.Rule == "accountability-content");
    }

    [Theory]
    [InlineData("纳入绩效评估考核指标，并自觉接受社会评议和察访核验。一年来实现零问责。")]
    [InlineData("纳入年度考核，开展网络评议，全县未发生责任追究情况。")]
    public void AccountabilityContent_AllThreeSpokenOf_Passes(string overview)
    {
        var report = ReportFixtures.Report2021();
        report.Text.Overview = overview;

        Assert.DoesNotContain(ReportChecker.Check(report, null, AgencyKind.Government), f => f.Rule == "accountability-content");
    }

    [Fact]
    public void AccountabilityContent_ReportsUnderThe2007Text_AreNotAsked() =>
        Assert.DoesNotContain(ReportChecker.Check(ReportFixtures.Zeros(2018), null, AgencyKind.Government), f => f.Rule == "accountability-content");
}
