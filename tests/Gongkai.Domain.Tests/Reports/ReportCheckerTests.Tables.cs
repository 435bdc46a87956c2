using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public partial class ReportCheckerTests
{
    [Fact]
    public void RowTotal_TotalNotTheSumOfApplicants_IsAnErrorOnTheTotalCell()
    {
        var report = ReportFixtures.Report2020();
        Assert.Empty(Findings("row-total", report));

        report.Applications["三(一)"][6] = 8;

        var finding = Assert.Single(Findings("row-total", report));
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["三(一)", "总计"], finding.Cells);
        Assert.Contains("总计为 8", finding.Message, StringComparison.Ordinal);
        Assert.Contains("之和为 7", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutcomeSum_TotalRowNotTheSumOfOutcomes_IsAnErrorPerColumn()
    {
        var report = ReportFixtures.Report2021();
        Assert.Empty(Findings("outcome-sum", report));

        // One more 其他 (2021 only row 三(六)3) without raising （七）: natural persons and 总计 are both off.
        report.Applications["三(六)3"][0] = 1;
        report.Applications["三(六)3"][6] = 1;

        var findings = Findings("outcome-sum", report);
        Assert.Equal([["三(七)", "自然人"], ["三(七)", "总计"]], findings.Select(f => f.Cells));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
    }

    [Fact]
    public void Balance_IntakeNotEqualToOutcomesPlusCarriedOut_IsAnErrorOnTheOutcomeTotal()
    {
        var report = ReportFixtures.Report2020();
        Assert.Empty(Findings("balance", report));

        report.Applications["四"][6] = 3;

        var finding = Assert.Single(Findings("balance", report));
        Assert.Equal(["三(七)", "总计"], finding.Cells);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("为 16", finding.Message, StringComparison.Ordinal);
        Assert.Contains("之和 17", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewTotal_BlockTotalNotItsResults_IsAnErrorPerBlock()
    {
        var report = ReportFixtures.Report2021();
        Assert.Empty(Findings("review-total", report));

        report.ReviewLitigation[4] = 3;   // 行政复议 总计
        report.ReviewLitigation[12] = 1;  // 复议后起诉 其他结果

        var findings = Findings("review-total", report);
        Assert.Equal([["四", "行政复议", "总计"], ["四", "复议后起诉", "总计"]], findings.Select(f => f.Cells));
    }

    [Fact]
    public void NonNegative_NegativeCounts_AreErrors_ButTheSignedChangeIsNot()
    {
        var report = ReportFixtures.Report2020();
        Assert.Empty(Findings("non-negative", report)); // 本年增/减 of -62 is fine

        report.Applications["二"][1] = -1;
        report.ReviewLitigation[0] = -2;
        report.Section2["第二十条第（九）项", "政府集中采购", "采购总金额"] = -5m;

        Assert.Equal(
            [["二", "第二十条第（九）项", "政府集中采购", "采购总金额"], ["二", "商业企业"], ["四", "行政复议", "结果维持"]],
            Findings("non-negative", report).Select(f => f.Cells));
    }

    [Fact]
    public void Integer_FractionalCount_IsAnError_ButAmountsMayHaveDecimals()
    {
        var report = ReportFixtures.Report2021();
        Assert.Empty(Findings("integer", report)); // 本年收费金额 12.3456 万元

        report.Section2["第二十条第（五）项", "行政许可", "本年处理决定数量"] = 3612.5m;

        var finding = Assert.Single(Findings("integer", report));
        Assert.Equal(["二", "第二十条第（五）项", "行政许可", "本年处理决定数量"], finding.Cells);
    }

    [Fact]
    public void Incomplete_UnknownCells_AreReportedOnceAndSkippedByArithmetic()
    {
        var report = ReportFixtures.Report2020();
        Assert.Empty(Findings("incomplete", report));

        report.Applications["三(一)"][0] = null;
        report.Applications["三(七)"][0] = null;
        report.ReviewLitigation[4] = null;

        var findings = ReportChecker.Check(report);
        var finding = Assert.Single(findings);
        Assert.Equal("incomplete", finding.Rule);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["三(一)", "自然人"], finding.Cells);
        Assert.Contains("有 3 个单元格尚未填写", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatisticsSums_OldTablePartsNotAddingUp_AreWarnings()
    {
        var report = ReportFixtures.Zeros(2018);
        report.Statistics2008["（三）从事政府信息公开工作人员数"] = 51;
        report.Statistics2008["专职人员数（不包括政府公报及政府网站工作人员数）"] = 15;
        report.Statistics2008["2．兼职人员数"] = 36;
        Assert.Empty(Findings("statistics-sums", report));

        report.Statistics2008["四、行政复议数量"] = 1;

        var finding = Assert.Single(Findings("statistics-sums", report));
        Assert.Equal(["统计表", "四、行政复议数量"], finding.Cells);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }
}
