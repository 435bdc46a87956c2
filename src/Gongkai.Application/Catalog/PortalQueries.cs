using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Catalog;

/// <summary>A row of a public list.</summary>
public sealed record ItemSummary(long Id, string AgencyCode, int Year, int Serial, string IndexNo, string Title, DateOnly? PublishedOn,
    string? DocNo, DocumentKind DocumentKind, Validity Validity);

/// <summary>One page of a list, with what is needed to render the pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Filters of a public column list.</summary>
public sealed record ItemFilter(int? Year = null, Validity? Validity = null, string? Query = null, int Page = 1, int PageSize = 20);

/// <summary>
/// What the public may read: only published items (主动公开, reviewed), never drafts, filed or withdrawn items.
/// Shared by the portal pages and the public API so both show exactly the same thing.
/// </summary>
public sealed class PortalQueries(GongkaiDbContext db)
{
    public const int MaxPageSize = 100;

    public Task<Agency?> AgencyAsync(string code, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);

    public Task<List<Agency>> AgenciesAsync(CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().OrderBy(a => a.Path).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);

    public Task<List<Agency>> ChildrenAsync(int? parentId, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().Where(a => a.ParentId == parentId).OrderBy(a => a.Kind).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);

    public Task<List<Column>> ColumnsAsync(int agencyId, CancellationToken ct = default) =>
        db.Columns.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ToListAsync(ct);

    public Task<Column?> ColumnAsync(int agencyId, string key, CancellationToken ct = default) =>
        db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.AgencyId == agencyId && c.Key == key, ct);

    /// <summary>Published items in a column and its sub-columns, newest first.</summary>
    public async Task<Page<ItemSummary>> ListAsync(Agency agency, Column? column, ItemFilter filter, CancellationToken ct = default)
    {
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var q = db.Items.AsNoTracking().Where(i => i.AgencyId == agency.Id && i.Status == ItemStatus.Published);
        if (column is not null)
        {
            var childIds = await db.Columns.Where(c => c.ParentId == column.Id).Select(c => c.Id).ToListAsync(ct);
            if (childIds.Count == 0)
            {
                q = q.Where(i => i.ColumnId == column.Id);
            }
            else
            {
                childIds.Add(column.Id);
                q = q.Where(i => childIds.Contains(i.ColumnId));
            }
        }
        if (filter.Year is { } year)
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
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(i => new ItemSummary(i.Id, agency.Code, i.Year, i.Serial, i.IndexNo, i.Title, i.PublishedOn, i.DocNo, i.DocumentKind, i.Validity))
            .ToListAsync(ct);
        return new Page<ItemSummary>(items, page, size, total);
    }

    /// <summary>A published item by its stable public address.</summary>
    public Task<Item?> ItemAsync(int agencyId, int year, int serial, CancellationToken ct = default) =>
        db.Items.AsNoTracking().Include(i => i.Attachments)
            .FirstOrDefaultAsync(i => i.AgencyId == agencyId && i.Year == year && i.Serial == serial && i.Status == ItemStatus.Published, ct);

    public Task<Item?> ItemByIdAsync(long id, CancellationToken ct = default) =>
        db.Items.AsNoTracking().Include(i => i.Attachments).FirstOrDefaultAsync(i => i.Id == id && i.Status == ItemStatus.Published, ct);

    /// <summary>Published items linked to <paramref name="item"/>: its interpretations, what it interprets, what replaced it.</summary>
    public async Task<(List<ItemSummary> Interpretations, ItemSummary? Interprets, ItemSummary? ReplacedBy)> LinksAsync(Item item, CancellationToken ct = default)
    {
        var interpretations = await Summaries(db.Items.Where(i => i.InterpretsId == item.Id && i.Status == ItemStatus.Published)).ToListAsync(ct);
        var interprets = item.InterpretsId is { } a ? await Summaries(db.Items.Where(i => i.Id == a && i.Status == ItemStatus.Published)).FirstOrDefaultAsync(ct) : null;
        var replacedBy = item.ReplacedById is { } r ? await Summaries(db.Items.Where(i => i.Id == r && i.Status == ItemStatus.Published)).FirstOrDefaultAsync(ct) : null;
        return (interpretations, interprets, replacedBy);
    }

    private IQueryable<ItemSummary> Summaries(IQueryable<Item> q) =>
        q.Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new ItemSummary(i.Id, a.Code, i.Year, i.Serial, i.IndexNo, i.Title, i.PublishedOn, i.DocNo, i.DocumentKind, i.Validity));

    /// <summary>The newest published items across the platform (or one agency), for home pages and RSS.</summary>
    public Task<List<ItemSummary>> LatestAsync(int? agencyId, int? columnId, int count, CancellationToken ct = default)
    {
        var q = db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published);
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

    /// <summary>A published item's attachment bytes; null when the item is not public.</summary>
    public async Task<(Attachment Meta, byte[] Data)?> AttachmentAsync(Guid id, CancellationToken ct = default)
    {
        var meta = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && db.Items.Any(i => i.Id == a.ItemId && i.Status == ItemStatus.Published))
            .FirstOrDefaultAsync(ct);
        if (meta is null)
        {
            return null;
        }
        var data = await db.AttachmentContents.AsNoTracking().Where(c => c.Id == id).Select(c => c.Data).FirstAsync(ct);
        return (meta, data);
    }

    /// <summary>Every published item's address, for sitemap.xml (streamed: the platform may hold millions).</summary>
    public IAsyncEnumerable<(string AgencyCode, int Year, int Serial, DateTime UpdatedAt)> SitemapAsync() =>
        db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published)
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { a.Code, i.Year, i.Serial, i.UpdatedAt })
            .AsAsyncEnumerable()
            .Select(x => (x.Code, x.Year, x.Serial, x.UpdatedAt));

    public Task<string> PlatformNameAsync(CancellationToken ct = default) =>
        db.PlatformSettings.AsNoTracking().Select(s => s.PlatformName).FirstOrDefaultAsync(ct)!;
}
