namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "incomplete": cells still unknown (null). Reported once per report, on the first unknown cell, because every
/// arithmetic rule silently skips the relations such a cell takes part in; a report with unknown cells cannot be submitted.
/// </summary>
public sealed class IncompleteRule : IReportRule
{
    public string Key => "incomplete";

    /// <summary>Where a cell is, short: the section 二 table, the section 三 row, the section 四 block, the 统计表 row.</summary>
    private static string Where(IReadOnlyList<string> cell) => cell[0] switch
    {
        "二" or "统计表" => cell[1],
        "四" => $"四（{cell[1]}）",
        _ => cell[0],
    };

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        var unknown = new List<IReadOnlyList<string>>();
        unknown.AddRange(report.Section2.Cells().Where(c => c.Value is null).Select(c => Cells.Section2(c.Table.Key, c.Row, c.Column.Label)));
        foreach (var row in report.Template.ApplicationRows)
        {
            var cells = report.Applications[row.Key];
            unknown.AddRange(Enumerable.Range(0, cells.Length).Where(i => cells[i] is null).Select(i => Cells.Application(row.Key, i)));
        }
        unknown.AddRange(Enumerable.Range(0, report.ReviewLitigation.Length)
            .Where(i => report.ReviewLitigation[i] is null).Select(ReviewLitigationColumns.Cell));
        unknown.AddRange(report.Template.StatisticsRows
            .Where(r => !r.IsHeader && report.Statistics2008[r.Key] is null).Select(r => Cells.Statistics(r.Key)));
        if (unknown.Count == 0)
        {
            yield break;
        }
        var rows = unknown.Select(Where).Distinct().ToList();
        yield return Cells.Error(Key, unknown[0],
            $"有 {unknown.Count} 个单元格尚未填写（{string.Join("、", rows.Take(8))}{(rows.Count > 8 ? " 等" : "")}），涉及这些单元格的勾稽关系未核对。");
    }
}
