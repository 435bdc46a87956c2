using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Changes;

/// <summary>
/// Adds change records to the unit of work, like <see cref="Audit.AuditLog"/>: the use case's own SaveChanges writes
/// the change and its record in one transaction, so there is never a record without its change or a change without
/// its record. Call it for every change the public can see; drafts, reviews and filed items are not public.
/// </summary>
public sealed class ChangeFeed(GongkaiDbContext db, PlatformClock clock)
{
    /// <summary>
    /// The published state of an item changed. For <see cref="ChangeKind.Withdrawn"/> the column (and interpreted
    /// document) recorded are those it was loaded with — where the public saw it — even if the same edit changed them.
    /// </summary>
    public async Task ItemAsync(ChangeKind kind, Item item, CancellationToken ct = default)
    {
        var entry = db.Entry(item);
        var asSeen = kind == ChangeKind.Withdrawn && entry.State != EntityState.Added;
        var columnId = asSeen ? entry.Property(i => i.ColumnId).OriginalValue : item.ColumnId;
        var interprets = asSeen ? entry.Property(i => i.InterpretsId).OriginalValue : item.InterpretsId;
        var agencyCode = await db.Agencies.Where(a => a.Id == item.AgencyId).Select(a => a.Code).SingleAsync(ct);
        var columnKey = await db.Columns.Where(c => c.Id == columnId).Select(c => c.Key).SingleOrDefaultAsync(ct);
        Append(kind, item.AgencyId, agencyCode, "Item", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), columnKey, interprets);
    }

    /// <summary>The kind of record for an approval that published <paramref name="item"/>: first time, again, or again with a lapsed or repealed validity.</summary>
    public static ChangeKind PublicationKind(Item item, bool wasPublishedBefore) =>
        !wasPublishedBefore ? ChangeKind.Published
        : item.Validity is Validity.Lapsed or Validity.Repealed ? ChangeKind.Repealed
        : ChangeKind.Revised;

    public void Agency(ChangeKind kind, Agency agency) =>
        Append(kind, agency.Id, agency.Code, "Agency", agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null);

    public void Column(ChangeKind kind, Agency agency, Column column) =>
        Append(kind, agency.Id, agency.Code, "Column", column.Key, column.Key);

    /// <summary>Bulk loads that bypass the use cases write this one record instead of one per row.</summary>
    public void Reset(string reason) => Append(ChangeKind.Reset, null, null, "Platform", reason, null);

    private void Append(ChangeKind kind, int? agencyId, string? agencyCode, string entityType, string? entityId, string? columnKey, long? relatedItemId = null) =>
        db.ChangeRecords.Add(new ChangeRecord
        {
            Kind = kind,
            AgencyId = agencyId,
            AgencyCode = agencyCode,
            EntityType = entityType,
            EntityId = entityId is { Length: > 100 } ? entityId[..100] : entityId,
            ColumnKey = columnKey,
            RelatedItemId = relatedItemId,
            OccurredAt = clock.UtcNow,
        });
}
