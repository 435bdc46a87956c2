using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "accountability-content" (warning, a government's report, report years from 2019): 条例第五十条第一款第（四）项 —
/// 各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况. The text sections must at least
/// speak of 考核, of 评议 (社会评议/社会评价) and of 责任追究 (or 问责); which of the three is missing is named. Run only
/// for governments (<see cref="ReportChecker.Check"/> with <c>AgencyKind.Government</c>): a department's report need not.
/// </summary>
public sealed partial class AccountabilityContentRule : IReportRule
{
    public string Key => "accountability-content";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        // The 2019 条例 (in force 2019-05-15) added the requirement; the reports up to 2018 were written under the 2007 text.
        if (report.Year < 2019)
        {
            yield break;
        }
        var text = string.Join("\n", ReportText.Keys.Select(k => report.Text[k]));
        var missing = new List<string>();
        if (!text.Contains("考核", StringComparison.Ordinal))
        {
            missing.Add("工作考核");
        }
        if (!Appraisal().IsMatch(text))
        {
            missing.Add("社会评议");
        }
        if (!Accountability().IsMatch(text))
        {
            missing.Add("责任追究结果");
        }
        if (missing.Count > 0)
        {
            yield return Cells.Warning(Key, ["一"],
                $"人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况（《条例》第五十条），正文未提及：{string.Join("、", missing)}。");
        }
    }

    [GeneratedRegex("评议|社会评价")]
    private static partial Regex Appraisal();

    [GeneratedRegex("追究|问责")]
    private static partial Regex Accountability();
}
