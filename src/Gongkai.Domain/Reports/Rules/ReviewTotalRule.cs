namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "review-total": in section 四, each block's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for 行政复议,
/// 未经复议直接起诉 and 复议后起诉.
/// </summary>
public sealed class ReviewTotalRule : IReportRule
{
    public string Key => "review-total";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        var cells = report.ReviewLitigation;
        if (cells.Length == 0)
        {
            yield break;
        }
        for (var block = 0; block < ReviewLitigationColumns.Blocks.Count; block++)
        {
            var start = ReviewLitigationColumns.BlockStart(block);
            var totalIndex = ReviewLitigationColumns.BlockTotal(block);
            var sum = Cells.Sum(cells[start..totalIndex]);
            if (sum is { } s && cells[totalIndex] is { } t && s != t)
            {
                yield return Cells.Error(Key, ReviewLitigationColumns.Cell(totalIndex),
                    $"“{ReviewLitigationColumns.Blocks[block]}”的总计为 {t}，但结果维持、结果纠正、其他结果、尚未审结之和为 {s}。");
            }
        }
    }
}
