using Gongkai.Documents;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports.Outputs;

/// <summary>
/// A report as agencies publish it (条例第五十条, the unified format of its template): the title
/// "<c>机关</c>YYYY年政府信息公开工作年度报告", then sections 一 to 六 — the edited text of 一, 五 and 六, the tables of 二, 三
/// and 四. A pre-2019 report shows its text and then its 统计表.
/// </summary>
public static class ReportDocument
{
    public static string Title(AnnualReport report) => $"{report.Agency}{report.Year}年政府信息公开工作年度报告";

    public static Document For(AnnualReport report)
    {
        var blocks = new List<Block>();
        if (!report.Template.HasApplicationTables)
        {
            blocks.AddRange(Text(report.Text.Overview));
            blocks.Add(new Paragraph(report.Template.Sections[0], Alignment.Center, Bold: true));
            blocks.Add(ReportTables.Statistics2008(report));
            blocks.AddRange(Text(report.Text.Problems));
            blocks.AddRange(Text(report.Text.Other));
            return new Document(Title(report), blocks);
        }
        foreach (var (section, index) in report.Template.Sections.Select((s, i) => (s, i)))
        {
            blocks.Add(new Paragraph(section, Alignment.Left, Bold: true));
            blocks.AddRange(index switch
            {
                0 => Text(report.Text.Overview),
                1 => [ReportTables.Section2(report)],
                2 => [ReportTables.Applications(report)],
                3 => [ReportTables.ReviewLitigation(report)],
                4 => Text(report.Text.Problems),
                _ => Text(report.Text.Other),
            });
        }
        return new Document(Title(report), blocks);
    }

    /// <summary>One indented paragraph per line of the edited text; a section not written yet prints nothing.</summary>
    public static IEnumerable<Block> Text(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new Paragraph(l, FirstLineIndent: true));
}
