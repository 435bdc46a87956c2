namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "item-count-carry" (warning, 2019 format): in the 第二十条第（五）（六）（八）项 tables,
/// 上一年项目数量(N) = 上一年项目数量(N−1) + 本年增/减(N−1) — last year's count plus last year's change.
/// </summary>
public sealed class ItemCountCarryRule : IReportRule
{
    private const string Previous = "上一年项目数量";
    private const string Change = "本年增/减";

    public string Key => "item-count-carry";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        if (previous is null || report.Template.Format != ReportFormat.Format2019 || previous.Template.Format != ReportFormat.Format2019)
        {
            yield break;
        }
        foreach (var table in report.Template.Section2.Where(t => t.Column(Previous) is not null && t.Column(Change) is not null))
        {
            foreach (var row in table.Rows)
            {
                var expected = Cells.Sum([previous.Section2[table.Key, row, Previous], previous.Section2[table.Key, row, Change]]);
                if (expected is { } e && report.Section2[table.Key, row, Previous] is { } actual && actual != e)
                {
                    yield return Cells.Warning(Key, Cells.Section2(table.Key, row, Previous),
                        $"{table.Key}“{row}”的上一年项目数量为 {actual}，但{previous.Year}年度报告的上一年项目数量加本年增/减为 {e}。");
                }
            }
        }
    }
}
