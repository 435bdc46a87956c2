using System.Security.Cryptography;
using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Delivery;

/// <summary>
/// The clerk attaches what was disclosed to the case: files (checked by content and size like every upload, names
/// cleaned, stored encrypted, served only as downloads) or links to items the agency has published in its catalog.
/// Each change writes the document, a timeline event and an audit entry in one SaveChanges; a refusal saves nothing.
/// </summary>
public sealed class DisclosedDocuments(
    GongkaiDbContext db, RequestCaseStore store, AuditLog audit, PlatformClock clock, DisclosedDocumentProtector protector, UploadLimits limits)
{
    /// <summary>Longest name a document is listed under.</summary>
    public const int MaxNameLength = 500;

    public async Task<DisclosedDocument> AttachFileAsync(StaffContext actor, long requestId, string? fileName, byte[] content, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        DeliveryRules.EnsureMayAttach(record);
        var name = AttachmentInspector.CleanFileName(fileName);
        var type = AttachmentInspector.Inspect(name, content, limits.MaxAttachmentBytes);
        var document = new DisclosedDocument
        {
            Id = Guid.NewGuid(),
            RequestId = record.Id,
            AgencyId = record.AgencyId,
            Name = name,
            ContentType = type.ContentType,
            Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Data = protector.Protect(content),
            AddedAt = clock.UtcNow,
            AddedByName = actor.UserName,
        };
        return await AddAsync(actor, record, document, $"添加公开的政府信息：{name}（{content.LongLength} 字节，SHA-256 {document.Sha256}）", ct);
    }

    /// <summary>A link to an item the case's agency has published (条例第二十条 — already public): by 索引号.</summary>
    public async Task<DisclosedDocument> AttachLinkAsync(StaffContext actor, long requestId, string? indexNo, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        DeliveryRules.EnsureMayAttach(record);
        if (string.IsNullOrWhiteSpace(indexNo))
        {
            throw new ValidationException("IndexNo", "请填写已发布信息的索引号。");
        }
        var wanted = indexNo.Trim();
        var item = await db.Items.AsNoTracking()
            .Where(i => i.AgencyId == record.AgencyId && i.IndexNo == wanted)
            .Select(i => new { i.Id, i.IndexNo, i.Title, i.Status }).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("IndexNo", $"本单位没有索引号为“{wanted}”的信息。");
        if (item.Status != ItemStatus.Published)
        {
            throw new ValidationException("IndexNo", $"索引号为“{wanted}”的信息尚未发布（{item.Status.Label()}），只能链接已发布的信息。");
        }
        if (await db.Set<DisclosedDocument>().AnyAsync(d => d.RequestId == record.Id && d.ItemId == item.Id, ct))
        {
            throw new ValidationException("IndexNo", $"已添加过索引号为“{wanted}”的信息。");
        }
        var document = new DisclosedDocument
        {
            Id = Guid.NewGuid(),
            RequestId = record.Id,
            AgencyId = record.AgencyId,
            Name = item.Title.Length > MaxNameLength ? item.Title[..MaxNameLength] : item.Title,
            ItemId = item.Id,
            ItemIndexNo = item.IndexNo,
            AddedAt = clock.UtcNow,
            AddedByName = actor.UserName,
        };
        return await AddAsync(actor, record, document, $"添加公开的政府信息（已发布信息链接）：{item.IndexNo} {document.Name}", ct);
    }

    /// <summary>Removing a document added by mistake, while the case is still open (the same window as adding).</summary>
    public async Task RemoveAsync(StaffContext actor, long requestId, Guid documentId, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        DeliveryRules.EnsureMayAttach(record);
        var document = await db.Set<DisclosedDocument>().SingleOrDefaultAsync(d => d.Id == documentId && d.RequestId == record.Id, ct)
            ?? throw new NotFoundException("该公开文件不存在。");
        if (await db.Set<CasePublication>().AnyAsync(p => p.DocumentId == documentId, ct))
        {
            throw new ValidationException(DeliveryRules.Field, $"“{document.Name}”已据以报送主动公开，不能删除。");
        }
        db.Set<DisclosedDocument>().Remove(document);
        var text = $"删除公开的政府信息：{document.Name}";
        store.AddEvent(actor, record, "request.document.remove", clock.Today, text, isPublic: false);
        audit.Record(actor, "request.document.remove", "Request", record.Id, $"{record.TrackingCode} {text}", record.AgencyId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A disclosed file of a case the actor can read, decrypted; audited as request.document.view. Null for a link or an unknown id.</summary>
    public async Task<StoredFile?> OpenForStaffAsync(StaffContext actor, long requestId, Guid documentId, CancellationToken ct = default)
    {
        var record = await store.LoadReadableAsync(actor, requestId, ct);
        var document = await db.Set<DisclosedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.RequestId == record.Id, ct);
        if (document?.Data is null)
        {
            return null;
        }
        audit.Record(actor, "request.document.view", "Request", record.Id, $"{record.TrackingCode} 查看公开的政府信息：{document.Name}", record.AgencyId);
        await db.SaveChangesAsync(ct);
        return new StoredFile(document.Name, document.ContentType!, protector.Unprotect(document.Data));
    }

    private async Task<DisclosedDocument> AddAsync(StaffContext actor, RequestRecord record, DisclosedDocument document, string text, CancellationToken ct)
    {
        db.Set<DisclosedDocument>().Add(document);
        // The timeline the applicant sees says what is ready, not its name (a file name can carry anything).
        store.AddEvent(actor, record, "request.document.add", clock.Today, text, isPublic: false);
        audit.Record(actor, "request.document.add", "Request", record.Id, $"{record.TrackingCode} {text}", record.AgencyId);
        await db.SaveChangesAsync(ct);
        return document;
    }
}
