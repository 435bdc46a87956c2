using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "cited-notice" (warning): the text names as its basis the format notice of another generation — seen in a
/// published 2021 report that cites 国办公开办函〔2019〕60号 while using the 30号 tables.
/// </summary>
public sealed partial class CitedNoticeRule : IReportRule
{
    public string Key => "cited-notice";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        var (wrong, right) = report.Template.Format switch
        {
            ReportFormat.Format2021 => (Notice2019(), Notice2021()),
            ReportFormat.Format2019 => (Notice2021(), Notice2019()),
            _ => (null, null),
        };
        if (wrong is null || right is null)
        {
            yield break;
        }
        foreach (var key in ReportText.Keys)
        {
            var text = report.Text[key];
            if (text is not null && wrong.IsMatch(text) && !right.IsMatch(text))
            {
                yield return Cells.Warning(Key, [key],
                    $"正文引用了{(report.Template.Format == ReportFormat.Format2021 ? "国办公开办函〔2019〕60号" : "国办公开办函〔2021〕30号")}作为依据，" +
                    $"但{report.Year}年度报告的格式依据是{report.Template.Notice}。");
            }
        }
    }

    [GeneratedRegex(@"[〔\[［【(（]\s*2019\s*[〕\]］】)）]\s*60\s*号")]
    private static partial Regex Notice2019();

    [GeneratedRegex(@"[〔\[［【(（]\s*2021\s*[〕\]］】)）]\s*30\s*号")]
    private static partial Regex Notice2021();
}
