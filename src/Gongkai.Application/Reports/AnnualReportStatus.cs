namespace Gongkai.Application.Reports;

/// <summary>Where a stored annual report stands (条例第四十九条: submitted to the 主管部门, then published).</summary>
public enum AnnualReportStatus
{
    /// <summary>草稿 — being written; every save is checked.</summary>
    Draft = 0,
    /// <summary>已报送 — with the supervising office.</summary>
    Submitted = 1,
    /// <summary>已退回 — returned with comments; edited like a draft.</summary>
    Returned = 2,
    /// <summary>已接收 — accepted by the supervising office, to be published.</summary>
    Accepted = 3,
    /// <summary>已公开 — published in the agency's 年报 column; locked, a correction is a new revision.</summary>
    Published = 4,
}

public static class AnnualReportStatusLabels
{
    public static string Label(this AnnualReportStatus status) => status switch
    {
        AnnualReportStatus.Draft => "草稿",
        AnnualReportStatus.Submitted => "已报送",
        AnnualReportStatus.Returned => "已退回",
        AnnualReportStatus.Accepted => "已接收",
        AnnualReportStatus.Published => "已公开",
        _ => status.ToString(),
    };

    /// <summary>Staff may change the report: a draft, or one the supervising office returned.</summary>
    public static bool IsEditable(this AnnualReportStatus status) => status is AnnualReportStatus.Draft or AnnualReportStatus.Returned;
}
