using Gongkai.Application.Catalog;
using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Web.Pages.Portal;

/// <summary>One agency's column tree, from the single query that loads its columns.</summary>
public sealed class ColumnTree
{
    private readonly ILookup<int?, Column> _children;
    private readonly Dictionary<int, Column> _byId;

    public ColumnTree(string agencyCode, IReadOnlyList<Column> columns, int? currentId = null)
    {
        AgencyCode = agencyCode;
        CurrentId = currentId;
        _children = columns.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToLookup(c => c.ParentId);
        _byId = columns.ToDictionary(c => c.Id);
    }

    public string AgencyCode { get; }
    public int? CurrentId { get; }

    public IReadOnlyList<Column> ChildrenOf(int? parentId) => [.. _children[parentId]];

    public Column? Find(string key) => _byId.Values.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));

    public Column? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>A column and its ancestors, top first: the breadcrumb.</summary>
    public IReadOnlyList<Column> PathTo(int columnId)
    {
        var path = new List<Column>();
        for (var c = Find(columnId); c is not null && path.Count < 10; c = c.ParentId is { } p ? Find(p) : null)
        {
            path.Insert(0, c);
        }
        return path;
    }

    /// <summary>The ids a column's list shows: the column itself and its direct children (e.g. 法定主动公开内容 and its 第二十条 items).</summary>
    public IReadOnlyCollection<int> ListIds(Column column) => [column.Id, .. _children[column.Id].Select(c => c.Id)];
}

/// <summary>What the pager needs; <see cref="Url"/> builds the link of a page number, keeping the filters.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int TotalCount, bool CountCapped, Func<int, string> Url);

public static class PortalFormat
{
    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string IsoDate(DateOnly? d) => Date(d);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };

    public static string ValidityClass(Domain.Catalog.Validity v) => v switch
    {
        Domain.Catalog.Validity.Valid => "valid",
        Domain.Catalog.Validity.Lapsed => "lapsed",
        Domain.Catalog.Validity.Repealed => "repealed",
        _ => "",
    };

    /// <summary>A path with a query string of the non-empty values.</summary>
    public static string WithQuery(string path, params (string Key, string? Value)[] values) =>
        QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
}
