using Gongkai.Application.Catalog;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal;

/// <summary>The platform home: the hosted agencies (a city platform hosts several counties) and the newest information.</summary>
[OutputCache(PolicyName = "portal")]
public sealed class PortalHomeModel(PortalQueries queries) : PortalPageModel(queries)
{
    /// <summary>A government (or the platform root) with its subordinate agencies grouped by kind.</summary>
    public sealed record Host(AgencyLink Agency, IReadOnlyList<AgencyLink> Governments, IReadOnlyList<AgencyLink> Departments, IReadOnlyList<AgencyLink> Townships);

    public List<Host> Hosts { get; } = [];
    public List<ItemSummary> Latest { get; private set; } = [];

    public async Task OnGetAsync()
    {
        HttpContext.TagCachedResponse(PortalCacheTags.Home);
        await LoadPlatformNameAsync();
        var agencies = await Queries.AgencyLinksAsync(Aborted);
        var children = agencies.ToLookup(a => a.ParentId);
        foreach (var a in agencies.Where(a => a.Kind is AgencyKind.Platform or AgencyKind.Government))
        {
            var kids = children[a.Id].ToList();
            Hosts.Add(new Host(a,
                [.. kids.Where(k => k.Kind is AgencyKind.Government or AgencyKind.Platform)],
                [.. kids.Where(k => k.Kind == AgencyKind.Department)],
                [.. kids.Where(k => k.Kind == AgencyKind.Township)]));
        }
        Latest = await Queries.LatestPublishedAsync(15, Aborted);
    }
}
