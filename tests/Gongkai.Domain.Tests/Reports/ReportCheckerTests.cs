using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>The fixture reports are consistent; each rule's tests break one relation and expect exactly its finding.</summary>
public partial class ReportCheckerTests
{
    private static List<ReportFinding> Findings(string rule, AnnualReport report, AnnualReport? previous = null) =>
        ReportChecker.Check(report, previous).Where(f => f.Rule == rule).ToList();

    [Fact]
    public void Check_ConsistentFixtures_FindNothing()
    {
        Assert.Empty(ReportChecker.Check(ReportFixtures.Report2020()));
        Assert.Empty(ReportChecker.Check(ReportFixtures.Report2021(), ReportFixtures.Report2020()));
        Assert.Empty(ReportChecker.Check(ReportFixtures.Zeros(2018)));
    }

    [Fact]
    public void Check_EveryRule_HasAUniqueKey()
    {
        var keys = ReportChecker.Rules.Select(r => r.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains("balance", keys);
        Assert.Contains("row-total", keys);
        Assert.Contains("outcome-sum", keys);
        Assert.Contains("review-total", keys);
        Assert.Contains("carry-over", keys);
        Assert.Contains("wrong-template", keys);
        Assert.Contains("identical-to-last-year", keys);
        Assert.Contains("text-numbers", keys);
    }

    [Fact]
    public void AllowsSubmission_ErrorsBlock_WarningsDoNot()
    {
        var report = ReportFixtures.Report2021();
        Assert.True(ReportChecker.AllowsSubmission(ReportChecker.Check(report)));

        report.Text.Overview = "依据国办公开办函〔2019〕60号编制。";
        Assert.True(ReportChecker.AllowsSubmission(ReportChecker.Check(report)));

        report.Applications["一"][6] = 26;
        Assert.False(ReportChecker.AllowsSubmission(ReportChecker.Check(report)));
    }

    [Fact]
    public void Check_PreviousOfAnotherYear_IsNotCompared()
    {
        var report = ReportFixtures.Report2021();
        report.Applications["二"][0] = 5;
        report.Applications["二"][6] = 5;
        report.Applications["四"][0] = 5;
        report.Applications["四"][6] = 5;
        var previous = ReportFixtures.Report2020();

        Assert.NotEmpty(Findings("carry-over", report, previous));
        Assert.Empty(Findings("carry-over", report, ReportFixtures.Zeros(2019)));
    }
}
