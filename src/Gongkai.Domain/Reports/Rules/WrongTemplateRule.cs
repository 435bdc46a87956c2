namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "wrong-template": the report must use the unified format of its year (条例第五十条第二款): the 统计表 up to 2018,
/// 60号 for 2019–2020, 30号 from 2021 — so a 2021+ report has no 第二十条第（九）项 table and no 上一年项目数量 columns.
/// For 2019 alone, 60号 §二 let agencies with real difficulty keep the old table, so that case is only a warning.
/// </summary>
public sealed class WrongTemplateRule : IReportRule
{
    public string Key => "wrong-template";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        var expected = ReportTemplates.ForYear(report.Year);
        if (report.Template == expected)
        {
            yield break;
        }
        var message = $"{report.Year}年度报告应使用{expected.Notice}规定的格式，而不是{report.Template.Notice}的格式。";
        yield return report.Year == 2019 && report.Template.Format == ReportFormat.Statistics2008
            ? Cells.Warning(Key, ["template"], message + "（60号文允许2019年度报告确有困难的参照执行。）")
            : Cells.Error(Key, ["template"], message);
    }
}
