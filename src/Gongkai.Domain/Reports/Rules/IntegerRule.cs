namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "integer": counts (件, 项, 条, 次, 人 …) are whole numbers; only amounts in 万元 may have decimals. Section 三 and 四
/// hold integers by type, so this concerns section 二 and the 统计表.
/// </summary>
public sealed class IntegerRule : IReportRule
{
    public string Key => "integer";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        foreach (var (table, row, column, value) in report.Section2.Cells())
        {
            if (value is { } v && column.Kind != Section2ValueKind.AmountWanYuan && v != decimal.Truncate(v))
            {
                yield return Cells.Error(Key, Cells.Section2(table.Key, row, column.Label),
                    $"{table.Key}“{row}”的“{column.Label}”为 {v}，件数应为整数。");
            }
        }
        foreach (var row in report.Template.StatisticsRows.Where(r => !r.IsHeader && r.Unit != "万元"))
        {
            if (report.Statistics2008[row.Key] is { } v && v != decimal.Truncate(v))
            {
                yield return Cells.Error(Key, Cells.Statistics(row.Key), $"统计表“{row.Label}”为 {v}，单位为“{row.Unit}”，应为整数。");
            }
        }
    }
}
