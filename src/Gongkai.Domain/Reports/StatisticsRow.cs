namespace Gongkai.Domain.Reports;

/// <summary>
/// One row of the pre-2019 《政府信息公开情况统计表》 (columns 统计指标 | 单位 | 统计数). <see cref="Key"/> is the printed
/// 统计指标 text, prefixed with its part (<c>"四、"</c>/<c>"五、"</c>) only where the printed text repeats under 行政复议 and
/// 行政诉讼. Header rows (单位 "—") hold no number.
/// </summary>
public sealed record StatisticsRow(string Key, string Label, string Unit)
{
    public bool IsHeader => Unit == "—";
}
