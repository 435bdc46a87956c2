using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Catalog;

/// <summary>A row of a public list.</summary>
public sealed record ItemSummary(long Id, string AgencyCode, int Year, int Serial, string IndexNo, string Title, DateOnly? PublishedOn,
    string? DocNo, DocumentKind DocumentKind, Validity Validity);

/// <summary>One page of a list, with what is needed to render the pager.</summary>
/// <param name="CountCapped">True when there are more than <see cref="PortalQueries.CountCap"/> matches and only the cap was counted.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount, bool CountCapped = false)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Filters of a public column list.</summary>
/// <summary>An agency as a node of the hierarchy: just what links and grouping need.</summary>
public sealed record AgencyLink(int Id, string Code, string Name, AgencyKind Kind, int? ParentId);

/// <summary>One published item's sitemap entry.</summary>
public sealed record SitemapEntry(long Id, int AgencyId, int Year, int Serial, DateTime UpdatedAt);

/// <summary>A published 政策解读 of a document, with its form (文字解读, 图解…).</summary>
public sealed record InterpretationLink(ItemSummary Item, InterpretationForm Form);

public sealed record ItemFilter(int? Year = null, Validity? Validity = null, string? Query = null, int Page = 1, int PageSize = 20);

/// <summary>
/// What the public may read: only published items (主动公开, reviewed), never drafts, filed or withdrawn items.
/// Shared by the portal pages and the public API so both show exactly the same thing.
/// </summary>
public sealed class PortalQueries(GongkaiDbContext db)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// Counting stops here: a count over a huge range costs as much as reading it, and nobody pages past 500 pages.
    /// Deep Skip is bounded by the same cap.
    /// </summary>
    public const int CountCap = 10_000;

    // The public reads every agency's published records: outside the agency scope, by name (ScopeOptOut.Portal). Every
    // query here tests the status itself; an opt-out at the query root covers its subqueries too.
    private IQueryable<Item> Items => db.Items.OutsideAgencyScope(ScopeOptOut.Portal);
    private IQueryable<Column> Columns => db.Columns.OutsideAgencyScope(ScopeOptOut.Portal);
    private IQueryable<Attachment> Attachments => db.Attachments.OutsideAgencyScope(ScopeOptOut.Portal);
    private IQueryable<AttachmentContent> AttachmentContents => db.AttachmentContents.OutsideAgencyScope(ScopeOptOut.Portal);

    public Task<Agency?> AgencyAsync(string code, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);

    public Task<List<Agency>> AgenciesAsync(CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().OrderBy(a => a.Path).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);

    public Task<List<Agency>> ChildrenAsync(int? parentId, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().Where(a => a.ParentId == parentId).OrderBy(a => a.Kind).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);

    public Task<List<Column>> ColumnsAsync(int agencyId, CancellationToken ct = default) =>
        Columns.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ToListAsync(ct);

    public Task<Column?> ColumnAsync(int agencyId, string key, CancellationToken ct = default) =>
        Columns.AsNoTracking().FirstOrDefaultAsync(c => c.AgencyId == agencyId && c.Key == key, ct);

    /// <summary>Published items in a column and its sub-columns, newest first.</summary>
    public async Task<Page<ItemSummary>> ListAsync(Agency agency, Column? column, ItemFilter filter, CancellationToken ct = default)
    {
        List<int>? columnIds = null;
        if (column is not null)
        {
            columnIds = await Columns.Where(c => c.ParentId == column.Id).Select(c => c.Id).ToListAsync(ct);
            columnIds.Add(column.Id);
        }
        return await ListAsync(agency.Id, agency.Code, columnIds, filter, ct);
    }

    /// <summary>
    /// Published items of an agency, limited to <paramref name="columnIds"/> when given (a column and its children,
    /// already known to the caller from the agency's column tree), newest first. Served by the
    /// (ColumnId, Status, PublishedOn, Id) index.
    /// </summary>
    public async Task<Page<ItemSummary>> ListAsync(int agencyId, string agencyCode, IReadOnlyCollection<int>? columnIds, ItemFilter filter, CancellationToken ct = default)
    {
        var q = Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published);
        // A column belongs to one agency, so with columns given the agency test is implied; leaving it out keeps the
        // planner on the (ColumnId, Status, PublishedOn, Id) index instead of the back office's (AgencyId, Status, FormedOn).
        if (columnIds is null)
        {
            q = q.Where(i => i.AgencyId == agencyId);
        }
        else if (columnIds.Count == 1)
        {
            var only = columnIds.First();
            q = q.Where(i => i.ColumnId == only);
        }
        else if (columnIds is not null)
        {
            q = q.Where(i => columnIds.Contains(i.ColumnId));
        }
        if (filter.Year is { } year and >= 1 and <= 9999)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(i => i.PublishedOn >= from && i.PublishedOn <= to);
        }
        if (filter.Validity is { } validity)
        {
            q = q.Where(i => i.Validity == validity);
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var text = filter.Query.Trim();
            q = q.Where(i => i.Title.Contains(text) || (i.DocNo != null && i.DocNo.Contains(text)));
        }
        return await PageAsync(q, filter.Page, filter.PageSize,
            i => new ItemSummary(i.Id, agencyCode, i.Year, i.Serial, i.IndexNo, i.Title, i.PublishedOn, i.DocNo, i.DocumentKind, i.Validity), ct);
    }

    /// <summary>Platform-wide search in titles and 文号 (条例第二十四条: the platform offers search).</summary>
    public async Task<Page<ItemSummary>> SearchAsync(string text, int page, int pageSize, CancellationToken ct = default)
    {
        text = text.Trim();
        var q = Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published && (i.Title.Contains(text) || (i.DocNo != null && i.DocNo.Contains(text))));
        // The agency code comes from a scalar subquery: only for the rows of the page, not for every match counted.
        return await PageAsync(q, page, pageSize,
            i => new ItemSummary(i.Id, db.Agencies.Where(a => a.Id == i.AgencyId).Select(a => a.Code).First(), i.Year, i.Serial, i.IndexNo, i.Title, i.PublishedOn, i.DocNo, i.DocumentKind, i.Validity), ct);
    }

    private async Task<Page<ItemSummary>> PageAsync(IQueryable<Item> q, int requestedPage, int requestedSize,
        System.Linq.Expressions.Expression<Func<Item, ItemSummary>> select, CancellationToken ct)
    {
        var size = Math.Clamp(requestedSize, 1, MaxPageSize);
        var counted = await q.Take(CountCap + 1).CountAsync(ct);
        var capped = counted > CountCap;
        var total = Math.Min(counted, CountCap);
        var lastPage = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(requestedPage, 1, lastPage);
        if (total == 0)
        {
            return new Page<ItemSummary>([], page, size, total, capped);
        }
        // Page over the index first (ids only), then read the page's rows: sorting a parent column's thousands of
        // items then costs index entries, not whole rows with their bodies.
        var ids = await q.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Skip((page - 1) * size).Take(size).Select(i => i.Id).ToListAsync(ct);
        var rows = await Items.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(select).ToListAsync(ct);
        var order = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        var items = rows.OrderBy(r => order[r.Id]).ToList();
        return new Page<ItemSummary>(items, page, size, total, capped);
    }

    /// <summary>A published item by its stable public address.</summary>
    public Task<Item?> ItemAsync(int agencyId, int year, int serial, CancellationToken ct = default) =>
        Items.AsNoTracking().Include(i => i.Attachments)
            .FirstOrDefaultAsync(i => i.AgencyId == agencyId && i.Year == year && i.Serial == serial && i.Status == ItemStatus.Published, ct);

    public Task<Item?> ItemByIdAsync(long id, CancellationToken ct = default) =>
        Items.AsNoTracking().Include(i => i.Attachments).FirstOrDefaultAsync(i => i.Id == id && i.Status == ItemStatus.Published, ct);

    /// <summary>Published items linked to <paramref name="item"/>: its interpretations, what it interprets, what replaced it.</summary>
    public async Task<(List<ItemSummary> Interpretations, ItemSummary? Interprets, ItemSummary? ReplacedBy)> LinksAsync(Item item, CancellationToken ct = default)
    {
        var interpretations = await Summaries(Items.Where(i => i.InterpretsId == item.Id && i.Status == ItemStatus.Published)).ToListAsync(ct);
        var interprets = item.InterpretsId is { } a ? await Summaries(Items.Where(i => i.Id == a && i.Status == ItemStatus.Published)).FirstOrDefaultAsync(ct) : null;
        var replacedBy = item.ReplacedById is { } r ? await Summaries(Items.Where(i => i.Id == r && i.Status == ItemStatus.Published)).FirstOrDefaultAsync(ct) : null;
        return (interpretations, interprets, replacedBy);
    }

    private IQueryable<ItemSummary> Summaries(IQueryable<Item> q) =>
        q.Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new ItemSummary(i.Id, a.Code, i.Year, i.Serial, i.IndexNo, i.Title, i.PublishedOn, i.DocNo, i.DocumentKind, i.Validity));

    /// <summary>The newest published items across the platform (or one agency), for home pages and RSS.</summary>
    public Task<List<ItemSummary>> LatestAsync(int? agencyId, int? columnId, int count, CancellationToken ct = default)
    {
        var q = Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published);
        if (agencyId is { } a)
        {
            q = q.Where(i => i.AgencyId == a);
        }
        if (columnId is { } c)
        {
            q = q.Where(i => i.ColumnId == c);
        }
        return Summaries(q.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(count)).ToListAsync(ct);
    }

    /// <summary>
    /// The items most recently published on the whole platform, by the moment they went public (one walk down the
    /// (Status, PublishedAt, Id) index, however many items the platform holds).
    /// </summary>
    public Task<List<ItemSummary>> LatestPublishedAsync(int count, CancellationToken ct = default) =>
        Summaries(Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published)
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(count)).ToListAsync(ct);

    /// <summary>A published item's attachment bytes; null when the item is not public.</summary>
    public async Task<(Attachment Meta, byte[] Data)?> AttachmentAsync(Guid id, CancellationToken ct = default)
    {
        var meta = await Attachments.AsNoTracking()
            .Where(a => a.Id == id && db.Items.Any(i => i.Id == a.ItemId && i.Status == ItemStatus.Published))
            .FirstOrDefaultAsync(ct);
        if (meta is null)
        {
            return null;
        }
        var data = await AttachmentContents.AsNoTracking().Where(c => c.Id == id).Select(c => c.Data).FirstAsync(ct);
        return (meta, data);
    }

    /// <summary>Every published item's address, for sitemap.xml (streamed: the platform may hold millions).</summary>
    public IAsyncEnumerable<(string AgencyCode, int Year, int Serial, DateTime UpdatedAt)> SitemapAsync() =>
        Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published)
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { a.Code, i.Year, i.Serial, i.UpdatedAt })
            .AsAsyncEnumerable()
            .Select(x => (x.Code, x.Year, x.Serial, x.UpdatedAt));

    /// <summary>Published interpretations of a document, newest first (served by the InterpretsId index).</summary>
    public async Task<List<InterpretationLink>> InterpretationsAsync(long documentId, CancellationToken ct = default)
    {
        var rows = await Items.AsNoTracking().Where(i => i.InterpretsId == documentId && i.Status == ItemStatus.Published)
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { i.Id, a.Code, i.Year, i.Serial, i.IndexNo, i.Title, i.PublishedOn, i.DocNo, i.DocumentKind, i.Validity, i.InterpretationForm })
            .OrderByDescending(x => x.PublishedOn).ThenByDescending(x => x.Id).Take(50)
            .ToListAsync(ct);
        return [.. rows.Select(x => new InterpretationLink(
            new ItemSummary(x.Id, x.Code, x.Year, x.Serial, x.IndexNo, x.Title, x.PublishedOn, x.DocNo, x.DocumentKind, x.Validity), x.InterpretationForm))];
    }

    /// <summary>A published item's list row by id (linked documents), or null when it is not public.</summary>
    public Task<ItemSummary?> SummaryAsync(long id, CancellationToken ct = default) =>
        Summaries(Items.AsNoTracking().Where(i => i.Id == id && i.Status == ItemStatus.Published)).FirstOrDefaultAsync(ct);

    /// <summary>The whole agency hierarchy as light rows (no contact texts), for the platform home and sitemaps.</summary>
    public Task<List<AgencyLink>> AgencyLinksAsync(CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().OrderBy(a => a.Path).ThenBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new AgencyLink(a.Id, a.Code, a.Name, a.Kind, a.ParentId)).ToListAsync(ct);

    /// <summary>An agency's ancestors, top first, from its materialised path (one primary-key query).</summary>
    public async Task<List<AgencyLink>> AncestorsAsync(Agency agency, CancellationToken ct = default)
    {
        var ids = agency.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new AgencyLink(a.Id, a.Code, a.Name, a.Kind, a.ParentId)).ToListAsync(ct);
        return [.. rows.OrderBy(r => ids.IndexOf(r.Id))];
    }

    /// <summary>The newest published items of the given columns (a column and its children), for RSS.</summary>
    public Task<List<ItemSummary>> LatestInColumnsAsync(int agencyId, string agencyCode, IReadOnlyCollection<int> columnIds, int count, CancellationToken ct = default) =>
        Items.AsNoTracking().Where(i => i.AgencyId == agencyId && i.Status == ItemStatus.Published && columnIds.Contains(i.ColumnId))
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(count)
            .Select(i => new ItemSummary(i.Id, agencyCode, i.Year, i.Serial, i.IndexNo, i.Title, i.PublishedOn, i.DocNo, i.DocumentKind, i.Validity))
            .ToListAsync(ct);

    /// <summary>The summary (内容概述) of published items, for RSS descriptions; keyed by item id.</summary>
    public Task<Dictionary<long, string?>> SummariesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
        Items.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Summary, ct);

    /// <summary>The highest item id: sitemap chunks are fixed id ranges, so a chunk's URL always means the same rows.</summary>
    public async Task<long> MaxItemIdAsync(CancellationToken ct = default) =>
        await Items.AsNoTracking().MaxAsync(i => (long?)i.Id, ct) ?? 0;

    /// <summary>Published items with <paramref name="afterId"/> &lt; Id ≤ <paramref name="upToId"/>, streamed in id order (a primary-key range scan).</summary>
    public IAsyncEnumerable<SitemapEntry> SitemapRangeAsync(long afterId, long upToId) =>
        Items.AsNoTracking().Where(i => i.Id > afterId && i.Id <= upToId && i.Status == ItemStatus.Published).OrderBy(i => i.Id)
            .Select(i => new SitemapEntry(i.Id, i.AgencyId, i.Year, i.Serial, i.UpdatedAt))
            .AsAsyncEnumerable();

    /// <summary>Every column's agency and key, streamed, for the pages sitemap.</summary>
    public IAsyncEnumerable<(int AgencyId, string Key)> ColumnKeysAsync() =>
        Columns.AsNoTracking().OrderBy(c => c.AgencyId).ThenBy(c => c.SortOrder)
            .Select(c => new { c.AgencyId, c.Key }).AsAsyncEnumerable().Select(c => (c.AgencyId, c.Key));

    public Task<string> PlatformNameAsync(CancellationToken ct = default) =>
        db.PlatformSettings.AsNoTracking().Where(s => s.Id == 1).Select(s => s.PlatformName).FirstOrDefaultAsync(ct)!;
}
