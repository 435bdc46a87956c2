namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "carry-over" (warning): what was carried out of last year is what is carried into this one, per column:
/// 二、上年结转(N) = 四、结转下年度继续办理(N−1). Not checked against a pre-2019 统计表, which has no such cell.
/// </summary>
public sealed class CarryOverRule : IReportRule
{
    public string Key => "carry-over";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        if (!Cells.Comparable(report, previous))
        {
            yield break;
        }
        for (var c = 0; c < ApplicantColumns.Count; c++)
        {
            if (report.Applications["二"][c] is { } carriedIn && previous!.Applications["四"][c] is { } carriedOut && carriedIn != carriedOut)
            {
                yield return Cells.Warning(Key, Cells.Application("二", c),
                    $"{Cells.Column(c)}：上年结转为 {carriedIn}，但{previous.Year}年度报告的“结转下年度继续办理”为 {carriedOut}。");
            }
        }
    }
}
