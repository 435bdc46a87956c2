namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "in-force-count" (warning, 2021 format, 第二十条第（一）项): 现行有效件数(N) = 现行有效件数(N−1) + 本年制发件数(N)
/// − 本年废止件数(N). Breaks legitimately when a document is made and repealed in the same year or reclassified,
/// hence a warning.
/// </summary>
public sealed class InForceCountRule : IReportRule
{
    private const string Table = "第二十条第（一）项";
    private const string InForce = "现行有效件数";

    public string Key => "in-force-count";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        if (previous is null || report.Template.Format != ReportFormat.Format2021 || previous.Template.Format != ReportFormat.Format2021)
        {
            yield break;
        }
        foreach (var row in report.Template.Section2Table(Table)!.Rows)
        {
            var before = previous.Section2[Table, row, InForce];
            var made = report.Section2[Table, row, "本年制发件数"];
            var repealed = report.Section2[Table, row, "本年废止件数"];
            if (before is { } b && made is { } m && repealed is { } r && report.Section2[Table, row, InForce] is { } now && now != b + m - r)
            {
                yield return Cells.Warning(Key, Cells.Section2(Table, row, InForce),
                    $"“{row}”现行有效件数为 {now}，但{previous.Year}年度的 {b} 件加本年制发 {m} 件减本年废止 {r} 件为 {b + m - r} 件。");
            }
        }
    }
}
