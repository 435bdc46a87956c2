using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "identical-to-last-year" (warning): copy-paste reports (雷同, an inspectors' finding). Flags a text section of some
/// length that equals last year's once digits and spacing are ignored (years change in copied text), and section 二,
/// sections 三–四 or the pre-2019 统计表 whose numbers equal last year's in every cell with at least one non-zero — small agencies legitimately
/// report all zeros year after year.
/// </summary>
public sealed partial class IdenticalToLastYearRule : IReportRule
{
    private const int MinimumTextLength = 100;

    public string Key => "identical-to-last-year";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        if (previous is null)
        {
            yield break;
        }
        foreach (var key in new[] { "一", "五" })
        {
            var now = Normalise(report.Text[key]);
            if (now.Length >= MinimumTextLength && now == Normalise(previous.Text[key]))
            {
                yield return Cells.Warning(Key, [key], $"第{key}部分的文字与{previous.Year}年度报告相同（仅数字不同）。");
            }
        }
        if (report.Template != previous.Template)
        {
            yield break;
        }
        var section2 = report.Section2.Cells().Select(c => c.Value).ToList();
        if (Same(section2, previous.Section2.Cells().Select(c => c.Value).ToList()))
        {
            yield return Cells.Warning(Key, ["二"], $"第二部分的数字与{previous.Year}年度报告完全相同。");
        }
        var statistics = report.Statistics2008.Values.ToList();
        if (Same(statistics, previous.Statistics2008.Values.ToList()))
        {
            // The 东莞统计局 case (新京报 2011): the same 统计表 three years running.
            yield return Cells.Warning(Key, ["统计表"], $"统计表的数字与{previous.Year}年度报告完全相同。");
        }
        var tables = Numbers(report);
        if (tables.Count > 0 && Same(tables, Numbers(previous)))
        {
            yield return Cells.Warning(Key, ["三"], $"第三、四部分的数字与{previous.Year}年度报告完全相同。");
        }
    }

    private static List<decimal?> Numbers(AnnualReport report) =>
        report.Template.ApplicationRows.SelectMany(r => report.Applications[r.Key]).Concat(report.ReviewLitigation)
            .Select(v => (decimal?)v).ToList();

    private static bool Same(List<decimal?> now, List<decimal?> before) =>
        now.Count > 0 && now.All(v => v is not null) && now.Any(v => v != 0) && now.SequenceEqual(before);

    private static string Normalise(string? text) => text is null ? "" : DigitsAndSpace().Replace(text, "");

    [GeneratedRegex(@"[\d\s]+")]
    private static partial Regex DigitsAndSpace();
}
