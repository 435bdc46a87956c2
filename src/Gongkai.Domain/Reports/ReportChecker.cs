using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports.Rules;

namespace Gongkai.Domain.Reports;

/// <summary>
/// Runs every consistency rule over a report (on every save). Rules printed in the official table or following from
/// its structure are errors and block submission; heuristic and cross-year rules are warnings that need an
/// acknowledged reason. The order of the findings is the order of <see cref="Rules"/>, then of the cells.
/// </summary>
public static class ReportChecker
{
    public static IReadOnlyList<IReportRule> Rules { get; } =
    [
        new WrongTemplateRule(),
        new IncompleteRule(),
        new NonNegativeRule(),
        new IntegerRule(),
        new RowTotalRule(),
        new OutcomeSumRule(),
        new BalanceRule(),
        new ReviewTotalRule(),
        new CarryOverRule(),
        new ItemCountCarryRule(),
        new PublishedTotalRule(),
        new InForceCountRule(),
        new RepeatedRowRule(),
        new StatisticsSumsRule(),
        new TextNumbersRule(),
        new CitedNoticeRule(),
        new IdenticalToLastYearRule(),
    ];

    /// <summary>Rules that apply to a government's report only (条例第五十条第一款第（四）项).</summary>
    public static IReadOnlyList<IReportRule> GovernmentRules { get; } = [new AccountabilityContentRule()];

    /// <param name="report">The report to check.</param>
    /// <param name="previous">The same agency's report for the year before, if there is one (cross-year rules); a report of
    /// any other year is ignored.</param>
    /// <param name="agencyKind">What the reporting agency is; a government's report must say more (<see cref="GovernmentRules"/>).
    /// Unknown (null) runs the rules every report shares.</param>
    public static IReadOnlyList<ReportFinding> Check(AnnualReport report, AnnualReport? previous = null, AgencyKind? agencyKind = null)
    {
        // A "previous" report of another year would make the cross-year rules compare unrelated numbers. The agency is
        // not compared: names change (机构改革) and the caller already picked the same agency's report.
        if (previous is not null && previous.Year != report.Year - 1)
        {
            previous = null;
        }
        var rules = agencyKind == AgencyKind.Government ? Rules.Concat(GovernmentRules) : Rules;
        return rules.SelectMany(rule => rule.Check(report, previous)).ToList();
    }

    /// <summary>Whether the findings allow submission: no errors.</summary>
    public static bool AllowsSubmission(IEnumerable<ReportFinding> findings) =>
        findings.All(f => f.Severity != FindingSeverity.Error);
}
