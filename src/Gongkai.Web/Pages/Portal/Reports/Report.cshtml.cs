using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Reports;
using Gongkai.Web.Api;
using Gongkai.Web.Changes;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Pages.Shared.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal.Reports;

/// <summary>
/// A published annual report at its stable address (条例第四十九条): the six sections with the four tables as HTML tables,
/// the charts (outcomes; received per year over the agency's earlier published reports), downloads in every format, and —
/// after a correction — the 更正 note with its date and the earlier revisions (<c>?revision=N</c>). Unpublished: 404.
/// </summary>
[OutputCache(PolicyName = "portal")]
[OutsideAgencyScope(ScopeOptOut.Portal)]
public sealed class ReportPageModel(PortalQueries queries, PublishedReports reports) : PortalPageModel(queries)
{
    public PublishedReport Published { get; private set; } = null!;
    public AnnualReportView View { get; private set; } = null!;
    public string? ItemUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int year, int? revision)
    {
        var agency = await AgencyAsync(code);
        var published = agency is null ? null : await reports.FindAsync(code, year, revision, Aborted);
        if (published is null)
        {
            return NotFound();
        }
        // Publication and correction change the 年报 item, and the change feed evicts the pages tagged with it.
        if (published.Record.ItemId is { } itemId)
        {
            HttpContext.TagCachedResponse(PortalCacheTags.Item(itemId));
            ItemUrl = await ItemUrlAsync(itemId);
        }
        HttpContext.TagCachedResponse(PortalCacheTags.Latest(code));
        Published = published;
        View = AnnualReportView.For(published.Report, published.EarlierYears.Select(y => new ReportTrendPoint(y.Year, y.Received)));
        await LoadPlatformNameAsync();
        return Page();
    }

    public string FileUrl(string format) => PublicReportUrls.File(Published.Agency.Code, Published.Record.Year, format, Published.IsNewest ? null : Published.Record.Revision);

    private async Task<string?> ItemUrlAsync(long itemId) =>
        await Queries.SummaryAsync(itemId, Aborted) is { } s ? PortalUrls.Item(s.AgencyCode, s.Year, s.Serial) : null;
}
