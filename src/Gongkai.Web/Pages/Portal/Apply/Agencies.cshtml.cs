using Gongkai.Application.Catalog;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal.Apply;

/// <summary>
/// 我要申请: the agencies a citizen may apply to (条例第二十七条: to the agency that holds the information), grouped by kind
/// and searchable by name with a plain GET form. Each entry links to the agency's online form and its Word 申请表 and shows
/// the office's contacts from the 公开指南 (条例第十二条), for those who apply in person or by post.
/// </summary>
[OutputCache(PolicyName = "portal")]
public sealed class AgenciesModel(PortalQueries queries) : PortalPageModel(queries)
{
    public const int MaxQueryLength = 50;

    /// <summary>One agency to apply to; <see cref="Parent"/> is named when several governments share the platform.</summary>
    public sealed record Entry(string Code, string Name, string? Parent, string? Office, string? Address, string? Phone, string? OfficeHours);

    public sealed record Group(string Id, string Title, IReadOnlyList<Entry> Entries);

    [FromQuery(Name = "q")] public string? Query { get; set; }

    public List<Group> Groups { get; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        HttpContext.TagCachedResponse(PortalCacheTags.Home);
        await LoadPlatformNameAsync();
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim()[..Math.Min(Query.Trim().Length, MaxQueryLength)];
        var agencies = await Queries.AgenciesAsync(Aborted);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var governments = agencies.Count(a => a.Kind is AgencyKind.Government or AgencyKind.Platform);
        var matching = agencies.Where(a => Query is null || a.Name.Contains(Query, StringComparison.OrdinalIgnoreCase)).ToList();
        Total = matching.Count;
        Entry ToEntry(Gongkai.Application.Agencies.Agency a) => new(a.Code, a.Name,
            governments > 1 && a.Kind is AgencyKind.Department or AgencyKind.Township && a.ParentId is { } p && names.TryGetValue(p, out var parent) ? parent : null,
            Blank(a.OfficeName), Blank(a.Address), Blank(a.Phone), Blank(a.OfficeHours));
        foreach (var (id, title, kinds) in new[]
        {
            ("gov", "本级政府", new[] { AgencyKind.Platform, AgencyKind.Government }),
            ("dept", "政府部门", new[] { AgencyKind.Department }),
            ("town", "乡镇（街道）", new[] { AgencyKind.Township }),
        })
        {
            var entries = matching.Where(a => kinds.Contains(a.Kind)).Select(ToEntry).ToList();
            if (entries.Count > 0)
            {
                Groups.Add(new Group(id, title, entries));
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
