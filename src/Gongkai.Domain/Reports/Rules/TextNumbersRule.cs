using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "text-numbers" (warning): numbers quoted in 一、总体情况 against the tables. Deliberately conservative — only two
/// kinds of statement are read, each within one clause (text between commas or full stops):
/// <list type="bullet">
/// <item>the applications received ("全县共收到依申请公开5件", "2018年未收到政府信息依申请公开申请"), compared with
/// 一、本年新收 总计 (or 一+二), or the 统计表's 收到申请数; clauses with 累计, 历年, 其中, 办结, 答复 or more than one
/// number are ignored;</item>
/// <item>"未发生…行政复议/行政诉讼" statements, which require the matching section 四 cells to be 0.</item>
/// </list>
/// </summary>
public sealed partial class TextNumbersRule : IReportRule
{
    public string Key => "text-numbers";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        var text = report.Text.Overview;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var clauses = ClauseBreak().Split(text).Where(c => c.Length > 0).ToList();
        return ReceivedFindings(report, clauses).Concat(NoAppealFindings(report, clauses));
    }

    private IEnumerable<ReportFinding> ReceivedFindings(AnnualReport report, List<string> clauses)
    {
        var table = report.Template.HasApplicationTables
            ? report.Applications["一"][ApplicantColumns.Total]
            : report.Statistics2008.TryGetValue("（一）收到申请数", out var received) ? (int?)received : null;
        if (table is not { } value)
        {
            yield break;
        }
        var withCarryOver = report.Template.HasApplicationTables ? value + report.Applications["二"][ApplicantColumns.Total] : null;
        var claims = clauses.Select(ReceivedClaim).Where(c => c.Number is not null).ToList();
        if (claims.Count > 0 && claims.All(c => c.Number != value && c.Number != withCarryOver))
        {
            var (clause, number) = claims[0];
            yield return Cells.Warning(Key, ["一"],
                $"总体情况中“{clause.Trim()}”称收到申请 {number} 件，但表格“本年新收政府信息公开申请数量”总计为 {value}。");
        }
    }

    private static (string Clause, int? Number) ReceivedClaim(string clause)
    {
        if (!Receiving().IsMatch(clause) || !clause.Contains("申请", StringComparison.Ordinal) || Excluded().IsMatch(clause))
        {
            return (clause, null);
        }
        if (NoneReceived().IsMatch(clause))
        {
            return (clause, 0);
        }
        var numbers = Count().Matches(clause);
        return numbers.Count == 1 && int.TryParse(numbers[0].Groups[1].Value, out var n) ? (clause, n) : (clause, null);
    }

    private IEnumerable<ReportFinding> NoAppealFindings(AnnualReport report, List<string> clauses)
    {
        foreach (var clause in clauses.Where(c => NoneHappened().IsMatch(c)))
        {
            if (clause.Contains("复议", StringComparison.Ordinal) && Positive(report, review: true) is { } review)
            {
                yield return Cells.Warning(Key, ["一"], $"总体情况称“{clause.Trim()}”，但{review}不为 0。");
            }
            if (clause.Contains("诉讼", StringComparison.Ordinal) && Positive(report, review: false) is { } litigation)
            {
                yield return Cells.Warning(Key, ["一"], $"总体情况称“{clause.Trim()}”，但{litigation}不为 0。");
            }
        }
    }

    /// <summary>The first known non-zero cell of 行政复议 (or 行政诉讼), described, or null.</summary>
    private static string? Positive(AnnualReport report, bool review)
    {
        if (!report.Template.HasApplicationTables)
        {
            var key = review ? "四、行政复议数量" : "五、行政诉讼数量";
            return report.Statistics2008.TryGetValue(key, out var v) && v > 0 ? $"统计表“{key}”（{v}）" : null;
        }
        var range = review ? Enumerable.Range(0, 5) : Enumerable.Range(5, 10);
        foreach (var i in range.Where(i => report.ReviewLitigation[i] > 0))
        {
            var cell = ReviewLitigationColumns.Cell(i);
            return $"第四部分“{cell[1]}”的“{cell[2]}”（{report.ReviewLitigation[i]}）";
        }
        return null;
    }

    [GeneratedRegex("[，,。；;！!？?\n]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex("收到|受理|接到|新收|接收")]
    private static partial Regex Receiving();

    [GeneratedRegex("累计|历年|其中|办结|答复|结转|咨询|留言|信箱|来信|复议|诉讼")]
    private static partial Regex Excluded();

    [GeneratedRegex("(未|没有|无)(收到|接到|受理|新收|接收)")]
    private static partial Regex NoneReceived();

    [GeneratedRegex(@"(\d+)\s*(件|次|条|个|份)")]
    private static partial Regex Count();

    [GeneratedRegex("未发生|没有发生|未出现|没有出现|无一起|未被")]
    private static partial Regex NoneHappened();
}
