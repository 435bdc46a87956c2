using System.Globalization;
using Gongkai.Application.Requests;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Reports;

/// <summary>
/// Lays the records' figures out in a report year's template: sections 三 and 四 in full (a row without cases is 0,
/// which the records know), 第二十条第（一）项 from the catalog, the fee statement of 六. Every other section 二 cell
/// stays null until staff enter it: the records do not hold 许可, 处罚, 强制, 收费 or 集中采购 figures.
/// </summary>
public static class ReportLayout
{
    public static AnnualReport Build(string agency, int year, AgencyYearFigures figures)
    {
        var report = AnnualReport.Create(agency, year);
        if (!report.Template.HasApplicationTables)
        {
            throw new ValidationException("year", $"{year} 年度报告使用国办发〔2014〕32号统计表，平台只能录入和展示，不能从记录生成。");
        }
        Applications(report, figures.Requests);
        ReviewLitigation(report, figures.Requests);
        Regulations(report, figures.Documents);
        report.Text.Other = FeeStatement(figures.FeesPaidFen);
        return report;
    }

    /// <summary>
    /// Section 六's statement of the 信息处理费 (国办函〔2020〕109号) charged in the year, from the fee records, in 元.
    /// </summary>
    public static string FeeStatement(long fen) => fen == 0
        ? "本年度未收取政府信息公开信息处理费。"
        : $"本年度收取政府信息公开信息处理费{(fen / 100m).ToString("0.00", CultureInfo.InvariantCulture)}元。";

    private static void Applications(AnnualReport report, AnnualRequestStatistics s)
    {
        foreach (var row in report.Template.ApplicationRows)
        {
            Array.Fill(report.Applications[row.Key], 0);
        }
        Add(report, "一", s.NewlyReceived);
        Add(report, "二", s.CarriedOverFromLastYear);
        Add(report, "四", s.CarriedOverToNextYear);
        foreach (var ((outcomeKey, type), count) in s.Outcomes)
        {
            var row = ReportOutcomeRows.RowKey(report.Template, outcomeKey)!;
            report.Applications[row][Column(type)] += count;
            report.Applications["三(七)"][Column(type)] += count;
        }
        foreach (var cells in report.Applications.Values)
        {
            cells[ApplicantColumns.Total] = cells.Take(ApplicantColumns.Total).Sum();
        }
    }

    private static void Add(AnnualReport report, string row, IReadOnlyDictionary<ApplicantType, int> counts)
    {
        foreach (var (type, count) in counts)
        {
            report.Applications[row][Column(type)] += count;
        }
    }

    // ApplicantTypes.All is in column order and numbered from 1.
    private static int Column(ApplicantType type) => (int)type - 1;

    private static void ReviewLitigation(AnnualReport report, AnnualRequestStatistics s)
    {
        Array.Fill(report.ReviewLitigation, 0);
        foreach (var ((kind, result), count) in s.Appeals)
        {
            var block = kind switch
            {
                AppealKind.Reconsideration => 0,
                AppealKind.LitigationDirect => 1,
                _ => 2,
            };
            // Print order of each block: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
            var column = result switch
            {
                AppealResult.Upheld => 0,
                AppealResult.Corrected => 1,
                AppealResult.Other => 2,
                _ => 3,
            };
            report.ReviewLitigation[ReviewLitigationColumns.BlockStart(block) + column] += count;
            report.ReviewLitigation[ReviewLitigationColumns.BlockTotal(block)] += count;
        }
    }

    private static void Regulations(AnnualReport report, IReadOnlyDictionary<DocumentKind, CatalogDocumentFigures> documents)
    {
        var table = report.Template.Section2[0];
        // Row 1 is 规章, row 2 规范性文件 (2019) / 行政规范性文件 (2021): the catalog's DocumentKind tells them apart.
        (string Row, DocumentKind Kind)[] rows = [(table.Rows[0], DocumentKind.Regulation), (table.Rows[1], DocumentKind.NormativeDocument)];
        foreach (var (row, kind) in rows)
        {
            var f = documents.GetValueOrDefault(kind, CatalogDocumentFigures.None);
            decimal[] values = report.Template.Format == ReportFormat.Format2019
                ? [f.IssuedInYear, f.PublishedInYear, f.PublishedByYearEnd]
                : [f.IssuedInYear, f.RepealedInYear, f.InForceAtYearEnd];
            for (var c = 0; c < table.Columns.Count; c++)
            {
                report.Section2[table.Key, row, table.Columns[c].Label] = values[c];
            }
        }
    }
}
