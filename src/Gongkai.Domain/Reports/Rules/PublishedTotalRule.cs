namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "published-total" (warning, 2019 format, 第二十条第（一）项): 对外公开总数量 is a running total, so it is at least
/// this year's 本年新公开数量 and normally not below last year's 对外公开总数量 (no official rule: repeals may lower it).
/// </summary>
public sealed class PublishedTotalRule : IReportRule
{
    private const string Table = "第二十条第（一）项";
    private const string Total = "对外公开总数量";
    private const string New = "本年新公开数量";

    public string Key => "published-total";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        if (report.Template.Format != ReportFormat.Format2019)
        {
            yield break;
        }
        foreach (var row in report.Template.Section2Table(Table)!.Rows)
        {
            if (report.Section2[Table, row, Total] is not { } total)
            {
                continue;
            }
            if (report.Section2[Table, row, New] is { } fresh && total < fresh)
            {
                yield return Cells.Warning(Key, Cells.Section2(Table, row, Total),
                    $"“{row}”的对外公开总数量（{total}）小于本年新公开数量（{fresh}）。");
            }
            else if (previous?.Template.Format == ReportFormat.Format2019 && previous.Section2[Table, row, Total] is { } before && total < before)
            {
                yield return Cells.Warning(Key, Cells.Section2(Table, row, Total),
                    $"“{row}”的对外公开总数量（{total}）少于{previous.Year}年度报告的 {before}，请核实。");
            }
        }
    }
}
