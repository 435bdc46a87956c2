namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "non-negative": counts and amounts are ≥ 0 (only the 2019 format's 本年增/减 carries a sign).
/// </summary>
public sealed class NonNegativeRule : IReportRule
{
    public string Key => "non-negative";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        foreach (var (table, row, column, value) in report.Section2.Cells())
        {
            if (value < 0 && column.Kind != Section2ValueKind.SignedCount)
            {
                yield return Negative(Cells.Section2(table.Key, row, column.Label), $"{table.Key}“{row}”的“{column.Label}”", value.Value);
            }
        }
        foreach (var row in report.Template.ApplicationRows)
        {
            var cells = report.Applications[row.Key];
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] < 0)
                {
                    yield return Negative(Cells.Application(row.Key, c), $"“{row.FullLabel}”{Cells.Column(c)}", cells[c]!.Value);
                }
            }
        }
        for (var i = 0; i < report.ReviewLitigation.Length; i++)
        {
            if (report.ReviewLitigation[i] < 0)
            {
                var cell = ReviewLitigationColumns.Cell(i);
                yield return Negative(cell, $"第四部分“{cell[1]}”的“{cell[2]}”", report.ReviewLitigation[i]!.Value);
            }
        }
        foreach (var row in report.Template.StatisticsRows.Where(r => !r.IsHeader))
        {
            if (report.Statistics2008[row.Key] < 0)
            {
                yield return Negative(Cells.Statistics(row.Key), $"统计表“{row.Label}”", report.Statistics2008[row.Key]!.Value);
            }
        }
    }

    private ReportFinding Negative(IReadOnlyList<string> cell, string what, decimal value) =>
        Cells.Error(Key, cell, $"{what}为 {value}，不能为负数。");
}
