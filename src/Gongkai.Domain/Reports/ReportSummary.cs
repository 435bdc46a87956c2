using Gongkai.Domain.Reports.Rules;

namespace Gongkai.Domain.Reports;

/// <summary>
/// A region's summary (e.g. 全县) over its agencies' reports for one year: every cell is the sum of the same cell in
/// every report, or null when any report leaves it unknown — a summary never fills a gap. Texts are left to the
/// supervisor. The result is checked like any report.
/// </summary>
public static class ReportSummary
{
    public static AnnualReport Sum(string agency, int year, IEnumerable<AnnualReport> reports)
    {
        var summary = AnnualReport.Create(agency, year);
        var all = reports.ToList();
        var foreign = all.FirstOrDefault(r => r.Year != year || r.Template != summary.Template);
        if (foreign is not null)
        {
            throw new ArgumentException(
                $"A {year} summary in the {summary.Template.Code} template cannot include {foreign.Agency}'s {foreign.Year} report in the {foreign.Template.Code} template.",
                nameof(reports));
        }
        foreach (var (table, row, column, _) in summary.Section2.Cells().ToList())
        {
            summary.Section2[table.Key, row, column.Label] = Cells.Sum(all.Select(r => r.Section2[table.Key, row, column.Label]));
        }
        foreach (var (key, cells) in summary.Applications)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = Cells.Sum(all.Select(r => r.Applications[key][c]));
            }
        }
        for (var i = 0; i < summary.ReviewLitigation.Length; i++)
        {
            summary.ReviewLitigation[i] = Cells.Sum(all.Select(r => r.ReviewLitigation[i]));
        }
        foreach (var key in summary.Statistics2008.Keys.ToList())
        {
            summary.Statistics2008[key] = Cells.Sum(all.Select(r => r.Statistics2008[key]));
        }
        return summary;
    }
}
