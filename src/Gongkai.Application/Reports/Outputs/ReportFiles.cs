using Gongkai.Documents;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports.Outputs;

/// <summary>
/// The report as files: Word and PDF laid out as published (<see cref="ReportDocument"/>), and an Excel workbook for
/// evaluators. The workbook has one sheet per table (二, 三, 四 — or the 统计表) after a sheet naming the report: each
/// table keeps the template's merged headers and puts a figure at the same cell in every report of that template, so
/// a reviewer can compare or add up many agencies' workbooks sheet by sheet; figures are numbers, unknown cells empty.
/// </summary>
public static class ReportFiles
{
    /// <summary>Excel column width (characters) per unit of a table's relative column width.</summary>
    private const double CharactersPerUnit = 10;

    public static string FileName(AnnualReport report, string extension) => $"{ReportDocument.Title(report)}.{extension}";

    public static byte[] Docx(AnnualReport report) => WordWriter.Write(ReportDocument.For(report));

    /// <summary>A4 PDF with the CJK font embedded; <paramref name="fontPath"/> as for <see cref="PdfWriter.Write"/>.</summary>
    public static byte[] Pdf(AnnualReport report, string? fontPath = null) => PdfWriter.Write(ReportDocument.For(report), fontPath);

    public static byte[] Xlsx(AnnualReport report) => ExcelWriter.Write(Sheets(report));

    public static IReadOnlyList<Worksheet> Sheets(AnnualReport report)
    {
        var about = new Worksheet("报告", [["标题", ReportDocument.Title(report)], ["机关", report.Agency], ["年度", ""], ["格式", report.Template.Notice]])
        {
            Numbers = new Dictionary<(int, int), decimal> { [(2, 1)] = report.Year },
            ColumnWidths = [8, 60],
        };
        if (!report.Template.HasApplicationTables)
        {
            return [about, Sheet(report.Template.Sections[0], ReportTables.Statistics2008(report))];
        }
        var sections = report.Template.Sections;
        return
        [
            about,
            Sheet(sections[1], ReportTables.Section2(report)),
            Sheet(sections[2], ReportTables.Applications(report)),
            Sheet(sections[3], ReportTables.ReviewLitigation(report)),
        ];
    }

    private static Worksheet Sheet(string name, Table table)
    {
        var columns = TableColumns(table);
        return Worksheet.Of(name, table) with
        {
            ColumnWidths = [.. Enumerable.Range(0, columns).Select(c => CharactersPerUnit * (c < table.ColumnWidths.Count ? table.ColumnWidths[c] : 1))],
        };
    }

    private static int TableColumns(Table table) => table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Sum(c => c.ColumnSpan));
}
