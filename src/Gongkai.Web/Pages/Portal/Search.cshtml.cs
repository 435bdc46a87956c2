using Gongkai.Application.Catalog;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal;

/// <summary>Platform-wide search over titles and 文号 of published items (条例第二十四条: 检索).</summary>
[OutputCache(PolicyName = "portal")]
public sealed class SearchModel(PortalQueries queries) : PortalPageModel(queries)
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public Page<ItemSummary>? Results { get; private set; }

    public async Task OnGetAsync()
    {
        HttpContext.TagCachedResponse(PortalCacheTags.Search);
        await LoadPlatformNameAsync();
        Query = Query?.Trim();
        if (!string.IsNullOrEmpty(Query))
        {
            if (Query.Length > 100)
            {
                Query = Query[..100];
            }
            Results = await Queries.SearchAsync(Query, RequestedPage(), PageSize, Aborted);
        }
    }

    public string PageUrl(int page) => PortalFormat.WithQuery("/search", ("q", Query), ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
}
