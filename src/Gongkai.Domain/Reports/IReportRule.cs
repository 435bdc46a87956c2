namespace Gongkai.Domain.Reports;

/// <summary>
/// One consistency rule (勾稽关系) of the annual report. Arithmetic rules skip any relation with an unknown (null) cell;
/// the unknown cells are reported once, by the "incomplete" rule.
/// </summary>
public interface IReportRule
{
    /// <summary>The stable key written into findings ("balance", "row-total" …).</summary>
    string Key { get; }

    /// <param name="report">The report to check.</param>
    /// <param name="previous">The same agency's report for the year before, for the cross-year rules; null if none.</param>
    IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous);
}
