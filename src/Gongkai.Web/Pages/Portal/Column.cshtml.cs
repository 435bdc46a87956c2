using System.Globalization;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Platform;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Api;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// A column's list (政府信息公开目录, 条例第十二条), filterable by year, 有效性 and keyword. Queries: agency by code,
/// the agency's columns (one small query gives the column, its children and the side tree), then a capped count
/// and one page, both on the (ColumnId, Status, PublishedOn, Id) index.
/// </summary>
[OutputCache(PolicyName = "portal")]
public sealed class ColumnListModel(PortalQueries queries, PlatformClock clock) : PortalPageModel(queries)
{
    public const int PageSize = 20;

    /// <summary>The year the 条例 took effect (2008-05-01): nothing on the platform is older.</summary>
    public const int FirstYear = 2008;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "validity")]
    public string? ValidityFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Keyword { get; set; }

    public Agency Agency { get; private set; } = null!;
    public Column Column { get; private set; } = null!;
    public ColumnTree Tree { get; private set; } = null!;
    public IReadOnlyList<Column> ColumnPath { get; private set; } = [];
    public Page<ItemSummary> Result { get; private set; } = null!;

    public string ColumnUrl => PortalUrls.Column(Agency.Code, Column.Key);
    public string RssUrl => ColumnUrl + "/rss.xml";
    public string GuideUrl => PortalUrls.Agency(Agency.Code) + "/guide";

    /// <summary>Through this year in Beijing: the server's own zone would lack the new year for eight hours.</summary>
    public IEnumerable<int> Years => Enumerable.Range(FirstYear, clock.Today.Year - FirstYear + 1).Reverse();

    public static IReadOnlyList<Validity> Validities { get; } = [Validity.Valid, Validity.Lapsed, Validity.Repealed];

    public async Task<IActionResult> OnGetAsync(string code, string key)
    {
        var agency = await AgencyAsync(code);
        if (agency is null)
        {
            return NotFound();
        }
        var columns = await Queries.ColumnsAsync(agency.Id, Aborted);
        var column = columns.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));
        if (column is null)
        {
            return NotFound();
        }
        Agency = agency;
        Column = column;
        Tree = new ColumnTree(agency.Code, columns, column.Id);
        ColumnPath = Tree.PathTo(column.Id);
        await LoadPlatformNameAsync();

        if (Year is < FirstYear or > 9999)
        {
            Year = null;
        }
        Keyword = string.IsNullOrWhiteSpace(Keyword) ? null : Keyword.Trim()[..Math.Min(Keyword.Trim().Length, 100)];
        Validity? validity = Enum.TryParse<Validity>(ValidityFilter, ignoreCase: true, out var v) && Validities.Contains(v) ? v : null;
        ValidityFilter = validity?.ToString();

        var listed = Tree.ListIds(column);
        HttpContext.TagCachedResponse(columns.Where(c => listed.Contains(c.Id)).Select(c => PortalCacheTags.Column(agency.Code, c.Key)));
        Result = await Queries.ListAsync(agency.Id, agency.Code, listed, new ItemFilter(Year, validity, Keyword, RequestedPage(), PageSize), Aborted);
        return Page();
    }

    public string PageUrl(int page) => PortalFormat.WithQuery(ColumnUrl,
        ("year", Year?.ToString(CultureInfo.InvariantCulture)), ("validity", ValidityFilter), ("q", Keyword),
        ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));
}
