namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "repeated-row" (warning): two different rows of section 二 with the same columns and exactly the same non-zero
/// numbers — the mark of a row copied into the wrong line (seen in a published 2020 report, where 行政强制 repeats
/// 其他对外管理服务事项: 8, +1, 56). Rows with a single column are not compared: equal single numbers happen.
/// </summary>
public sealed class RepeatedRowRule : IReportRule
{
    public string Key => "repeated-row";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        var seen = new List<(string Table, string Row, string Columns, string Values)>();
        foreach (var table in report.Template.Section2.Where(t => t.Columns.Count > 1))
        {
            var columns = string.Join("|", table.Columns.Select(c => c.Label));
            foreach (var row in table.Rows)
            {
                var values = table.Columns.Select(c => report.Section2[table.Key, row, c.Label]).ToList();
                if (values.Any(v => v is null) || values.All(v => v == 0))
                {
                    continue;
                }
                var key = string.Join("|", values);
                var earlier = seen.FirstOrDefault(s => s.Columns == columns && s.Values == key);
                if (earlier.Row is not null)
                {
                    yield return Cells.Warning(Key, Cells.Section2(table.Key, row, table.Columns[0].Label),
                        $"{table.Key}“{row}”一行的数字（{string.Join("、", values)}）与{earlier.Table}“{earlier.Row}”一行完全相同，请核实是否填错行。");
                }
                seen.Add((table.Key, row, columns, key));
            }
        }
    }
}
