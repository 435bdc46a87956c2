using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Delivery;

/// <summary>A disclosed document as lists show it (no bytes).</summary>
public sealed record DocumentInfo(Guid Id, string Name, long Size, string? Sha256, long? ItemId, string? ItemIndexNo, DateTime AddedAt, string AddedByName)
{
    public bool IsLink => ItemId is not null;
}

/// <summary>A catalog item drafted from the case (条例第四十四条) and where it stands in review.</summary>
public sealed record PublicationInfo(long ItemId, string IndexNo, string Title, string Status, DateTime CreatedAt, string CreatedByName);

/// <summary>What the case page's delivery panel shows, and what the clerk may do now.</summary>
public sealed record DeliveryPanel(
    long RequestId, bool Discloses, bool MayAttach, bool MayDeliver, bool MayPublish, bool ApplicantHasEmail, string WantedDelivery,
    IReadOnlyList<DocumentInfo> Documents, IReadOnlyList<DocumentDelivery> Deliveries, IReadOnlyList<PublicationInfo> Publications,
    IReadOnlyList<(int Id, string Name)> Columns)
{
    /// <summary>The first successful 送达, if any.</summary>
    public DocumentDelivery? Served => Deliveries.Where(d => d.Succeeded).MinBy(d => d.At);
}

/// <summary>Reads for the delivery panel (staff), the staff API and the tracking page (applicant).</summary>
public sealed class DeliveryQueries(GongkaiDbContext db, RequestCaseStore store)
{
    public async Task<DeliveryPanel> PanelAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        var record = await store.LoadReadableAsync(actor, requestId, ct);
        var canWrite = actor.Has(Accounts.Permissions.Permission.RequestsHandle) && AgencyAccess.CanWrite(actor, record.AgencyId);
        var discloses = record.OutcomeKey is { } key && DeliveryRules.Discloses(key);
        var documents = await DocumentsAsync(record.Id, ct);
        var deliveries = await db.Set<DocumentDelivery>().AsNoTracking().Where(d => d.RequestId == record.Id).OrderBy(d => d.At).ThenBy(d => d.Id).ToListAsync(ct);
        var publications = await db.Set<CasePublication>().AsNoTracking().Where(p => p.RequestId == record.Id)
            .Join(db.Items, p => p.ItemId, i => i.Id, (p, i) => new { p, i.IndexNo, i.Title, i.Status, i.PendingStatus })
            .OrderBy(x => x.p.Id).ToListAsync(ct);
        var mayPublish = canWrite && discloses && actor.Has(Accounts.Permissions.Permission.ItemsEdit) && documents.Any(d => !d.IsLink);
        var columns = mayPublish
            ? (await db.Columns.AsNoTracking().Where(c => c.AgencyId == record.AgencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList()
            : [];
        return new DeliveryPanel(record.Id, discloses,
            MayAttach: canWrite && Allowed(() => DeliveryRules.EnsureMayAttach(record)),
            MayDeliver: canWrite && Allowed(() => DeliveryRules.EnsureMayDeliver(record)),
            mayPublish, record.EmailProtected is not null, record.Delivery, documents, deliveries,
            [.. publications.Select(x => new PublicationInfo(x.p.ItemId, x.IndexNo, x.Title, (x.PendingStatus ?? x.Status).Label(), x.p.CreatedAt, x.p.CreatedByName))],
            columns);
    }

    /// <summary>The documents the applicant may download on the tracking page: none until the answer has been served.</summary>
    public async Task<IReadOnlyList<DocumentInfo>> ForApplicantAsync(TrackingView view, CancellationToken ct = default) =>
        DeliveryRules.ApplicantMayDownload(view.Record) ? await DocumentsAsync(view.Record.Id, ct) : [];

    public Task<List<DocumentInfo>> DocumentsAsync(long requestId, CancellationToken ct) =>
        db.Set<DisclosedDocument>().AsNoTracking().Where(d => d.RequestId == requestId).OrderBy(d => d.AddedAt)
            .Select(d => new DocumentInfo(d.Id, d.Name, d.Size, d.Sha256, d.ItemId, d.ItemIndexNo, d.AddedAt, d.AddedByName)).ToListAsync(ct);

    /// <summary>A stored UTC time as Beijing time (Asia/Shanghai), as every page shows it.</summary>
    public static string Beijing(DateTime utc) => Platform.BeijingTime.Format(utc);

    private static bool Allowed(Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (ValidationException)
        {
            return false;
        }
    }
}
