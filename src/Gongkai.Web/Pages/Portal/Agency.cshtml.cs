using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal;

/// <summary>An agency's 政府信息公开专栏 home: its column tree, newest items, guide and subordinate agencies.</summary>
[OutputCache(PolicyName = "portal")]
public sealed class AgencyHomeModel(PortalQueries queries) : PortalPageModel(queries)
{
    public Agency Agency { get; private set; } = null!;
    public ColumnTree Tree { get; private set; } = null!;
    public List<AgencyLink> Ancestors { get; private set; } = [];
    public List<Agency> Children { get; private set; } = [];
    public List<ItemSummary> Latest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var agency = await AgencyAsync(code);
        if (agency is null)
        {
            return NotFound();
        }
        Agency = agency;
        await LoadPlatformNameAsync();
        Tree = new ColumnTree(agency.Code, await Queries.ColumnsAsync(agency.Id, Aborted));
        Ancestors = await Queries.AncestorsAsync(agency, Aborted);
        Children = await Queries.ChildrenAsync(agency.Id, Aborted);
        Latest = await Queries.LatestAsync(agency.Id, null, 15, Aborted);
        HttpContext.TagCachedResponse(PortalCacheTags.Latest(agency.Code));
        return Page();
    }
}
