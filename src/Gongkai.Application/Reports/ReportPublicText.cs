using System.Net;
using Gongkai.Application.Reports.Outputs;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports;

/// <summary>The 年报 column item's wording: title, 内容概述 and the body linking to the report's portal page.</summary>
public static class ReportPublicText
{
    /// <summary>The portal page of a published report (stable: the newest published revision).</summary>
    public static string PageUrl(string agencyCode, int year) => $"/agencies/{Uri.EscapeDataString(agencyCode)}/reports/{year}";

    /// <summary>The page of one revision, for the earlier versions a correction replaced.</summary>
    public static string RevisionUrl(string agencyCode, int year, int revision) => $"{PageUrl(agencyCode, year)}?revision={revision}";

    public static string ItemTitle(AnnualReport report, bool correction) =>
        ReportDocument.Title(report) + (correction ? "（更正）" : "");

    public static string Summary(AnnualReport report, DateOnly? correctedOn) =>
        $"依据《中华人民共和国政府信息公开条例》第四十九条、第五十条公开{ReportDocument.Title(report)}。"
        + (correctedOn is { } d ? $"本报告于{Chinese(d)}更正。" : "");

    public static string BodyHtml(string agencyCode, AnnualReport report, int revision, DateOnly? correctedOn)
    {
        var title = WebUtility.HtmlEncode(ReportDocument.Title(report));
        var page = WebUtility.HtmlEncode(PageUrl(agencyCode, report.Year));
        var body = $"<p>{title}全文（含统计表格和图表）见<a href=\"{page}\">年度报告页面</a>；附件提供 Word、PDF、Excel 版本。</p>";
        if (correctedOn is { } d)
        {
            body += $"<p>更正：本报告于{Chinese(d)}更正（第 {revision} 版），更正前的版本见<a href=\"{WebUtility.HtmlEncode(RevisionUrl(agencyCode, report.Year, revision - 1))}\">第 {revision - 1} 版</a>。</p>";
        }
        return body;
    }

    public static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
