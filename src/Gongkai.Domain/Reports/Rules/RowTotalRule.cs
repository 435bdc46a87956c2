namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "row-total": in every data row of section 三, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他
/// (the table's structure: 总计 is the only total column).
/// </summary>
public sealed class RowTotalRule : IReportRule
{
    public string Key => "row-total";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        foreach (var row in report.Template.ApplicationRows)
        {
            var cells = report.Applications[row.Key];
            var sum = Cells.Sum(cells.Take(ApplicantColumns.Total));
            if (sum is { } s && cells[ApplicantColumns.Total] is { } total && s != total)
            {
                yield return Cells.Error(Key, Cells.Application(row.Key, ApplicantColumns.Total),
                    $"“{row.FullLabel}”的总计为 {total}，但自然人与各类法人或其他组织之和为 {s}。");
            }
        }
    }
}
