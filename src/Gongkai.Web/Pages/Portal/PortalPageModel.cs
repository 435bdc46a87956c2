using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Portal;

/// <summary>Common ground of the public pages: the read model and the platform name every page shows in its header.</summary>
public abstract class PortalPageModel(PortalQueries queries) : PageModel
{
    protected PortalQueries Queries { get; } = queries;

    public string PlatformName { get; private set; } = "政府信息公开平台";

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected async Task LoadPlatformNameAsync()
    {
        PlatformName = await Queries.PlatformNameAsync(Aborted) ?? PlatformName;
        ViewData["PlatformName"] = PlatformName;
    }

    /// <summary>
    /// The page number from <c>?page=</c>. Read by hand: Razor Pages owns the route value "page", which model binding
    /// would consult before the query string.
    /// </summary>
    protected int RequestedPage() =>
        int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;

    /// <summary>Loads the agency named by the route, or null (the page answers 404).</summary>
    protected async Task<Agency?> AgencyAsync(string code)
    {
        var agency = await Queries.AgencyAsync(code, Aborted);
        if (agency is not null)
        {
            HttpContext.TagCachedResponse(PortalCacheTags.Agency(agency.Code));
        }
        return agency;
    }
}
