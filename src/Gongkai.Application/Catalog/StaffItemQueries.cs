using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Gongkai.Application.Catalog;

/// <summary>A row of a back-office list, with its 条例第二十六条 publication due date.</summary>
public sealed record StaffItemRow(long Id, int AgencyId, string AgencyName, string IndexNo, string Title, ItemStatus Status,
    DisclosureMode DisclosureMode, DateOnly FormedOn, DateOnly DueOn, bool Overdue, DateOnly? PublishedOn, DateTime UpdatedAt);

public sealed record StaffItemFilter(int? AgencyId = null, ItemStatus? Status = null, bool OverdueOnly = false, string? Query = null, int Page = 1, int PageSize = 30);

/// <summary>Back-office lists: what staff see of their own agency, and supervisors of their subordinates.</summary>
public sealed class StaffItemQueries(GongkaiDbContext db, AgencyAccess access, PlatformClock clock, WorkingDayCalendarProvider calendars)
{
    private static readonly ItemStatus[] Unpublished = [ItemStatus.Draft, ItemStatus.PendingReview, ItemStatus.Returned];

    public async Task<Page<StaffItemRow>> ListAsync(StaffContext actor, StaffItemFilter filter, CancellationToken ct = default)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var today = clock.Today;
        var readable = access.Readable(actor).Select(a => a.Id);
        var q = db.Items.AsNoTracking().Where(i => readable.Contains(i.AgencyId));
        if (filter.AgencyId is { } agencyId)
        {
            q = q.Where(i => i.AgencyId == agencyId);
        }
        if (filter.Status is { } status)
        {
            // A published item's revision in progress is listed by its own state too (the review queue shows it).
            q = q.Where(i => i.Status == status || i.PendingStatus == status);
        }
        if (filter.OverdueOnly)
        {
            var cutoff = OverdueCutoff(today, calendar).ToDateOnly();
            q = q.Where(i => Unpublished.Contains(i.Status) && i.DisclosureMode != DisclosureMode.OnRequest && i.DisclosureMode != DisclosureMode.Withheld && i.FormedOn < cutoff);
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var text = filter.Query.Trim();
            q = q.Where(i => i.Title.Contains(text) || i.IndexNo.Contains(text) || (i.DocNo != null && i.DocNo.Contains(text)));
        }
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(1, filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * size).Take(size)
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { i.Id, i.AgencyId, a.Name, i.IndexNo, i.Title, i.Status, i.PendingStatus, i.DisclosureMode, i.FormedOn, i.PublishedOn, i.UpdatedAt })
            .ToListAsync(ct);
        return new Page<StaffItemRow>(rows.Select(r =>
        {
            var due = PublicationDeadline.DueOn(LocalDate.FromDateOnly(r.FormedOn), calendar);
            var overdue = Unpublished.Contains(r.Status) && r.DisclosureMode is not (DisclosureMode.OnRequest or DisclosureMode.Withheld) && today > due;
            return new StaffItemRow(r.Id, r.AgencyId, r.Name, r.IndexNo, r.Title, r.PendingStatus ?? r.Status, r.DisclosureMode, r.FormedOn, due.ToDateOnly(), overdue, r.PublishedOn, r.UpdatedAt);
        }).ToList(), page, size, total);
    }

    /// <summary>Counts for the dashboard.</summary>
    public async Task<(int Drafts, int PendingReview, int Returned, int Overdue, int PublishedThisYear)> CountsAsync(StaffContext actor, CancellationToken ct = default)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var readable = access.Readable(actor).Select(a => a.Id);
        var mine = db.Items.AsNoTracking().Where(i => readable.Contains(i.AgencyId));
        var cutoff = OverdueCutoff(clock.Today, calendar).ToDateOnly();
        var yearStart = new DateOnly(clock.Today.Year, 1, 1);
        return (
            await mine.CountAsync(i => i.Status == ItemStatus.Draft || i.PendingStatus == ItemStatus.Draft, ct),
            await mine.CountAsync(i => i.Status == ItemStatus.PendingReview || i.PendingStatus == ItemStatus.PendingReview, ct),
            await mine.CountAsync(i => i.Status == ItemStatus.Returned || i.PendingStatus == ItemStatus.Returned, ct),
            await mine.CountAsync(i => Unpublished.Contains(i.Status) && i.DisclosureMode != DisclosureMode.OnRequest && i.DisclosureMode != DisclosureMode.Withheld && i.FormedOn < cutoff, ct),
            await mine.CountAsync(i => i.Status == ItemStatus.Published && i.PublishedOn >= yearStart, ct));
    }

    /// <summary>
    /// The earliest formation date that is not yet overdue today. <see cref="PublicationDeadline.DueOn"/> never
    /// decreases as the formation date moves later, so "overdue" is simply "formed before this cutoff" — one
    /// indexed range condition in SQL instead of a per-row computation.
    /// </summary>
    public static LocalDate OverdueCutoff(LocalDate today, WorkingDayCalendar calendar)
    {
        // 20 working days never span more than ~60 calendar days, even across Spring Festival.
        var f = today.PlusDays(-90);
        while (today > PublicationDeadline.DueOn(f, calendar))
        {
            f = f.PlusDays(1);
        }
        return f;
    }

    public Task<List<AuditEntry>> AuditForAsync(string entityType, string entityId, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync(ct);

    public Task<List<ItemRevision>> RevisionsAsync(long itemId, CancellationToken ct = default) =>
        db.ItemRevisions.AsNoTracking().Where(r => r.ItemId == itemId).OrderBy(r => r.Version).ThenBy(r => r.Id).ToListAsync(ct);

    public async Task<Page<AuditEntry>> AuditAsync(StaffContext actor, int? agencyId, string? action, int page, CancellationToken ct = default)
    {
        var readable = access.Readable(actor).Select(a => (int?)a.Id);
        var q = db.AuditEntries.AsNoTracking().AsQueryable();
        if (!actor.IsPlatformAdmin)
        {
            q = q.Where(a => readable.Contains(a.AgencyId));
        }
        if (agencyId is { } id)
        {
            q = q.Where(a => a.AgencyId == id);
        }
        if (!string.IsNullOrWhiteSpace(action))
        {
            q = q.Where(a => a.Action.StartsWith(action));
        }
        const int size = 50;
        page = Math.Max(1, page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<AuditEntry>(rows, page, size, total);
    }
}
