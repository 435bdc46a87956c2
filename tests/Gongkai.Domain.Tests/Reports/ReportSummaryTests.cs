using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public class ReportSummaryTests
{
    [Fact]
    public void Sum_TwoConsistentReports_AddsEveryCellAndStaysConsistent()
    {
        var a = ReportFixtures.Report2021();
        var b = ReportFixtures.Report2021();

        var summary = ReportSummary.Sum("示例县", 2021, [a, b]);

        Assert.Equal([40, 6, 2, 0, 0, 2, 50], summary.Applications["一"]);
        Assert.Equal(4, summary.ReviewLitigation[4]);
        Assert.Equal(24.6912m, summary.Section2["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"]);
        Assert.Null(summary.Text.Overview);
        Assert.Empty(ReportChecker.Check(summary));
    }

    [Fact]
    public void Sum_ACellUnknownInOneReport_IsUnknownInTheSummary()
    {
        var a = ReportFixtures.Report2021();
        var b = ReportFixtures.Report2021();
        b.Applications["三(一)"][0] = null;

        var summary = ReportSummary.Sum("示例县", 2021, [a, b]);

        Assert.Null(summary.Applications["三(一)"][0]);
        Assert.Equal(26, summary.Applications["三(一)"][6]);
        Assert.Equal("incomplete", Assert.Single(ReportChecker.Check(summary)).Rule);
    }

    [Fact]
    public void Sum_AReportOfAnotherYearOrTemplate_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ReportSummary.Sum("示例县", 2021, [ReportFixtures.Report2021(), ReportFixtures.Report2020()]));

    [Fact]
    public void Sum_NoAgencies_IsAllZeros() =>
        Assert.Equal(0, ReportSummary.Sum("示例县", 2022, []).Applications["三(七)"][6]);
}
