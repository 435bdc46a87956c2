using System.Globalization;
using Gongkai.Application.Changes;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Changes;

/// <summary>
/// Output-cache tags of the public pages. A page is tagged with what it shows — its agency, the columns whose
/// items it lists, each item it shows or links to — and <see cref="For"/> names the tags a change touches, so
/// <see cref="PortalCacheEviction"/> evicts exactly the pages that could show it.
/// </summary>
public static class PortalCacheTags
{
    /// <summary>Every cached public page (set by the "portal" policy).</summary>
    public const string All = "portal";

    /// <summary>The platform home: agencies and the newest items of all of them.</summary>
    public const string Home = "home";

    public const string Search = "search";

    /// <summary>The sitemap index and the pages sitemap.</summary>
    public const string Sitemap = "sitemap";

    /// <summary>Every page of an agency (its name, column tree and guide appear on all of them).</summary>
    public static string Agency(string code) => "agency:" + code;

    /// <summary>Pages listing an agency's newest items across its columns (its home).</summary>
    public static string Latest(string code) => "latest:" + code;

    /// <summary>Pages listing a column's items: its own list and RSS, and its parent's.</summary>
    public static string Column(string code, string key) => $"column:{code}:{key}";

    /// <summary>An item's page, and pages that link to it by title (its interpretations, the document it interprets or replaces).</summary>
    public static string Item(long id) => "item:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds tags to the response being cached (no-op when the output cache does not handle this request).</summary>
    public static void TagCachedResponse(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.Tags.UnionWith(tags);
        }
    }

    /// <summary>The tags of the pages a change can alter.</summary>
    public static IReadOnlyList<string> For(ChangeRecord change) => change switch
    {
        { EntityType: "Item", AgencyCode: { } code, EntityId: { } id } when long.TryParse(id, CultureInfo.InvariantCulture, out var itemId) =>
        [
            Item(itemId), Latest(code), Home, Search, Sitemap,
            .. change.ColumnKey is { } key ? [Column(code, key)] : Array.Empty<string>(),
            .. change.RelatedItemId is { } related ? [Item(related)] : Array.Empty<string>(),
        ],
        { Kind: ChangeKind.ColumnCreated or ChangeKind.ColumnChanged, AgencyCode: { } code } => [Agency(code), Sitemap],
        // Agencies appear by name on the home page, their parents' and children's pages and every page of their own,
        // and the platform's pages list them: rare enough to simply start the cache afresh. So does a Reset.
        _ => [All],
    };
}
