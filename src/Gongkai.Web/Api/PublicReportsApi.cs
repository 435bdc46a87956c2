using Gongkai.Application;
using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Web.Changes;

namespace Gongkai.Web.Api;

/// <summary>Addresses of a published report's files (the newest revision, or an earlier one a correction replaced).</summary>
public static class PublicReportUrls
{
    public static string File(string agencyCode, int year, string format, int? revision = null) =>
        $"{ReportPublicText.PageUrl(agencyCode, year)}/files/{format}{(revision is { } n ? $"?revision={n}" : "")}";
}

/// <summary>
/// The public side of annual reports (条例第四十九条): <c>GET /api/v1/agencies/{code}/reports/{year}</c> returns the JSON model
/// (<see cref="AnnualReportJson"/>) of a published report, and <c>/agencies/{code}/reports/{year}/files/{format}</c> serves it
/// as Word, PDF, Excel or JSON. Reports not yet published do not exist here (404), whatever their state in the back office.
/// </summary>
public static class PublicReportsApi
{
    private static readonly string[] Formats = ["docx", "pdf", "xlsx", "json"];

    public static void MapPublicReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/agencies/{code}/reports/{year:int}", GetAsync).WithTags("catalog").WithName("GetPublishedAnnualReport")
            .WithSummary("已公开的年度报告（JSON）；revision 指定更正前的版本").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/agencies/{code}/reports/{year:int}/files/{format}", FileAsync).AllowAnonymous().CacheOutput("portal").ExcludeFromDescription();
    }

    private static async Task<IResult> GetAsync(string code, int year, int? revision, PublishedReports reports, CancellationToken ct)
    {
        var published = await FindAsync(code, year, revision, reports, ct);
        return Results.Text(AnnualReportJson.Write(published.Report), "application/json; charset=utf-8");
    }

    private static async Task<IResult> FileAsync(string code, int year, string format, int? revision, PublishedReports reports,
        ReportAttachmentFiles files, HttpContext http, CancellationToken ct)
    {
        if (!Formats.Contains(format))
        {
            throw new NotFoundException("年度报告只提供 docx、pdf、xlsx、json 格式。");
        }
        var published = await FindAsync(code, year, revision, reports, ct);
        var file = files.For(published.Report, format) ?? throw new NotFoundException("本平台未配置中文字体或 PDF 组件许可，暂不能提供 PDF 版，请下载 Word 版。");
        http.TagCachedResponse(PortalCacheTags.Agency(published.Agency.Code));
        if (published.Record.ItemId is { } itemId)
        {
            http.TagCachedResponse(PortalCacheTags.Item(itemId));
        }
        return Results.File(file.Data, file.ContentType, file.FileName);
    }

    private static async Task<PublishedReport> FindAsync(string code, int year, int? revision, PublishedReports reports, CancellationToken ct) =>
        await reports.FindAsync(code, year, revision, ct)
        ?? throw new NotFoundException(revision is null ? $"该单位 {year} 年度报告尚未公开。" : $"该单位 {year} 年度报告没有已公开的第 {revision} 版。");
}
