using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>
/// A small consistent data set of one county office for 2020 (60号 format) and 2021 (30号 format): 15 new
/// applications and 1 carried in in 2020, 2 carried out into 2021; one 行政复议 kept, one 行政诉讼 pending.
/// </summary>
internal static class ReportFixtures
{
    public const string Agency = "示例县人民政府办公室";

    public static AnnualReport Report2020()
    {
        var report = AnnualReport.Create(Agency, 2020);
        Fill2019Section2(report);
        ZeroOutcomes(report);
        report
            .WithApplications("一", 12, 2, 0, 0, 1, 0, 15)
            .WithApplications("二", 1, 0, 0, 0, 0, 0, 1)
            .WithApplications("三(一)", 6, 1, 0, 0, 0, 0, 7)
            .WithApplications("三(二)", 2, 0, 0, 0, 1, 0, 3)
            .WithApplications("三(三)4", 1, 0, 0, 0, 0, 0, 1)
            .WithApplications("三(四)1", 2, 0, 0, 0, 0, 0, 2)
            .WithApplications("三(六)", 0, 1, 0, 0, 0, 0, 1)
            .WithApplications("三(七)", 11, 2, 0, 0, 1, 0, 14)
            .WithApplications("四", 2, 0, 0, 0, 0, 0, 2)
            .WithReviewLitigation(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0);
        report.Text.Overview = "2020年，本机关共收到政府信息公开申请15件，上年结转1件，均已依法办理。";
        report.Text.Problems = "一是主动公开的及时性有待提高；二是政策解读形式较为单一。";
        report.Text.Other = "本年度未收取信息处理费。";
        return report;
    }

    public static AnnualReport Report2021()
    {
        var report = AnnualReport.Create(Agency, 2021);
        var s = report.Section2;
        s["第二十条第（一）项", "规章", "本年制发件数"] = 0;
        s["第二十条第（一）项", "规章", "本年废止件数"] = 0;
        s["第二十条第（一）项", "规章", "现行有效件数"] = 0;
        s["第二十条第（一）项", "行政规范性文件", "本年制发件数"] = 5;
        s["第二十条第（一）项", "行政规范性文件", "本年废止件数"] = 2;
        s["第二十条第（一）项", "行政规范性文件", "现行有效件数"] = 41;
        s["第二十条第（五）项", "行政许可", "本年处理决定数量"] = 3612;
        s["第二十条第（六）项", "行政处罚", "本年处理决定数量"] = 1026;
        s["第二十条第（六）项", "行政强制", "本年处理决定数量"] = 1;
        s["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"] = 12.3456m;
        ZeroOutcomes(report);
        report
            .WithApplications("一", 20, 3, 1, 0, 0, 1, 25)
            .WithApplications("二", 2, 0, 0, 0, 0, 0, 2)
            .WithApplications("三(一)", 10, 2, 1, 0, 0, 0, 13)
            .WithApplications("三(二)", 4, 0, 0, 0, 0, 1, 5)
            .WithApplications("三(三)1", 1, 0, 0, 0, 0, 0, 1)
            .WithApplications("三(四)1", 3, 0, 0, 0, 0, 0, 3)
            .WithApplications("三(五)2", 1, 0, 0, 0, 0, 0, 1)
            .WithApplications("三(六)1", 1, 0, 0, 0, 0, 0, 1)
            .WithApplications("三(六)2", 0, 1, 0, 0, 0, 0, 1)
            .WithApplications("三(七)", 20, 3, 1, 0, 0, 1, 25)
            .WithApplications("四", 2, 0, 0, 0, 0, 0, 2)
            .WithReviewLitigation(0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1);
        report.Text.Overview = "2021年，本机关共收到政府信息公开申请25件，收取信息处理费200元。";
        report.Text.Problems = "政府信息管理有待加强。";
        report.Text.Other = "依据国办函〔2020〕109号收取信息处理费200元。";
        return report;
    }

    /// <summary>A 2019-format section 二 whose numbers follow the cross-year relations.</summary>
    public static void Fill2019Section2(AnnualReport report)
    {
        var s = report.Section2;
        s["第二十条第（一）项", "规章", "本年新制作数量"] = 0;
        s["第二十条第（一）项", "规章", "本年新公开数量"] = 0;
        s["第二十条第（一）项", "规章", "对外公开总数量"] = 0;
        s["第二十条第（一）项", "规范性文件", "本年新制作数量"] = 3;
        s["第二十条第（一）项", "规范性文件", "本年新公开数量"] = 3;
        s["第二十条第（一）项", "规范性文件", "对外公开总数量"] = 38;
        s["第二十条第（五）项", "行政许可", "上一年项目数量"] = 387;
        s["第二十条第（五）项", "行政许可", "本年增/减"] = -62;
        s["第二十条第（五）项", "行政许可", "处理决定数量"] = 3612;
        s["第二十条第（五）项", "其他对外管理服务事项", "上一年项目数量"] = 615;
        s["第二十条第（五）项", "其他对外管理服务事项", "本年增/减"] = -6;
        s["第二十条第（五）项", "其他对外管理服务事项", "处理决定数量"] = 312578;
        s["第二十条第（六）项", "行政处罚", "上一年项目数量"] = 1950;
        s["第二十条第（六）项", "行政处罚", "本年增/减"] = -810;
        s["第二十条第（六）项", "行政处罚", "处理决定数量"] = 1026;
        s["第二十条第（六）项", "行政强制", "上一年项目数量"] = 152;
        s["第二十条第（六）项", "行政强制", "本年增/减"] = -140;
        s["第二十条第（六）项", "行政强制", "处理决定数量"] = 1;
        s["第二十条第（八）项", "行政事业性收费", "上一年项目数量"] = 34;
        s["第二十条第（八）项", "行政事业性收费", "本年增/减"] = -4;
        s["第二十条第（九）项", "政府集中采购", "采购项目数量"] = 142;
        s["第二十条第（九）项", "政府集中采购", "采购总金额"] = 24014m;
    }

    /// <summary>Sets every outcome row to zeros (a table where most rows are 0, as in practice).</summary>
    public static void ZeroOutcomes(AnnualReport report)
    {
        foreach (var row in report.Template.ApplicationRows.Where(r => r.Kind == ApplicationRowKind.Outcome))
        {
            Array.Fill(report.Applications[row.Key], 0);
        }
    }

    /// <summary>A report whose every cell is 0 (the tables of an agency that received nothing).</summary>
    public static AnnualReport Zeros(int year, string agency = Agency)
    {
        var report = AnnualReport.Create(agency, year);
        foreach (var cell in report.Section2.Cells().ToList())
        {
            report.Section2[cell.Table.Key, cell.Row, cell.Column.Label] = 0;
        }
        foreach (var cells in report.Applications.Values)
        {
            Array.Fill(cells, 0);
        }
        Array.Fill(report.ReviewLitigation, 0);
        foreach (var key in report.Statistics2008.Keys.ToList())
        {
            report.Statistics2008[key] = 0;
        }
        return report;
    }
}
