using System.Text;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The paragraph on applications and appeals offered as a start for 一、总体情况, written only from the report's own
/// tables: nothing is said that the tables do not hold, a sentence whose numbers are unknown (null) is left out, and
/// the result passes the "text-numbers" rule by construction. Staff edit it like any text; the pre-2019 template gets none.
/// </summary>
public static class OverviewDraft
{
    private static readonly (string Label, string Prefix)[] OutcomeGroups =
    [
        ("予以公开", "三(一)"), ("部分公开", "三(二)"), ("不予公开", "三(三)"), ("无法提供", "三(四)"),
        ("不予处理", "三(五)"), ("其他处理", "三(六)"),
    ];

    public static string? For(AnnualReport report)
    {
        if (!report.Template.HasApplicationTables)
        {
            return null;
        }
        var text = new StringBuilder();
        var received = Total(report, "一");
        var carriedIn = Total(report, "二");
        if (received is { } r)
        {
            text.Append($"{report.Year}年，本机关共收到政府信息公开申请{r}件");
            text.Append(carriedIn is { } c and > 0 ? $"，上年结转{c}件。" : "。");
        }
        if (Total(report, "三(七)") is { } handled)
        {
            var parts = OutcomeGroups
                .Select(g => (g.Label, Count: Cells(report, g.Prefix)))
                .ToList();
            text.Append($"本年度办理完毕{handled}件");
            if (parts.All(p => p.Count is not null) && handled > 0)
            {
                text.Append("，其中").Append(string.Join("，", parts.Where(p => p.Count > 0).Select(p => $"{p.Label}{p.Count}件")));
            }
            text.Append(Total(report, "四") is { } carriedOut and > 0 ? $"；{carriedOut}件结转下年度继续办理。" : "。");
        }
        var review = report.ReviewLitigation[ReviewLitigationColumns.BlockTotal(0)];
        var direct = report.ReviewLitigation[ReviewLitigationColumns.BlockTotal(1)];
        var afterReview = report.ReviewLitigation[ReviewLitigationColumns.BlockTotal(2)];
        if (review is { } v && direct is { } d && afterReview is { } a)
        {
            text.Append(v + d + a == 0
                ? "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
                : $"因政府信息公开工作被申请行政复议{v}件，被提起行政诉讼{d + a}件。");
        }
        return text.ToString();
    }

    private static int? Total(AnnualReport report, string key) => report.Applications[key][ApplicantColumns.Total];

    /// <summary>The 总计 of a row, or the sum of a group's rows ("三(三)" → 三(三)1 … 三(三)8); null if any is unknown.</summary>
    private static int? Cells(AnnualReport report, string prefix) =>
        Rules.Cells.Sum(report.Template.ApplicationRows
            .Where(r => r.Key == prefix || (r.Key.StartsWith(prefix, StringComparison.Ordinal) && r.Key.Length > prefix.Length && char.IsAsciiDigit(r.Key[prefix.Length])))
            .Select(r => report.Applications[r.Key][ApplicantColumns.Total]));
}
