namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "outcome-sum": in every column, （七）总计 = （一） + （二） + Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + （六）
/// (2021: Σ（六）1–3) — each application is counted under exactly one outcome.
/// </summary>
public sealed class OutcomeSumRule : IReportRule
{
    public string Key => "outcome-sum";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        var total = report.Template.ApplicationRows.FirstOrDefault(r => r.Kind == ApplicationRowKind.OutcomeTotal);
        if (total is null)
        {
            yield break;
        }
        var outcomes = report.Template.ApplicationRows.Where(r => r.Kind == ApplicationRowKind.Outcome).ToList();
        for (var c = 0; c < ApplicantColumns.Count; c++)
        {
            var sum = Cells.Sum(outcomes.Select(r => report.Applications[r.Key][c]));
            if (sum is { } s && report.Applications[total.Key][c] is { } t && s != t)
            {
                yield return Cells.Error(Key, Cells.Application(total.Key, c),
                    $"{Cells.Column(c)}“（七）总计”为 {t}，但（一）至（六）各项办理结果之和为 {s}。");
            }
        }
    }
}
