using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Delivery;

/// <summary>What the clerk chooses to publish from a case: the column, the disclosed document and the item's title.</summary>
public sealed record PublishFromCaseInput(Guid DocumentId, int ColumnId, string? Title, string? Summary);

/// <summary>
/// 条例第四十四条: information that many applicants ask for may be made public proactively. From a case the clerk drafts
/// a catalog item carrying the disclosed file and submits it; it then goes through the normal review (four eyes,
/// 保密审查) like any other item. Nothing of the applicant is copied — the title and summary are the clerk's, the
/// publishing organisation is the agency — and the item is linked back to the case (<see cref="CasePublication"/>).
/// </summary>
public sealed class CasePublishing(GongkaiDbContext db, RequestCaseStore store, ItemService items, AuditLog audit, PlatformClock clock, DisclosedDocumentProtector protector)
{
    public async Task<Item> PublishAsync(StaffContext actor, long requestId, PublishFromCaseInput input, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        actor.Require(Accounts.Permissions.Permission.ItemsEdit, "您的角色不能拟稿主动公开的信息。");
        if (record.OutcomeKey is not { } outcome || !DeliveryRules.Discloses(outcome))
        {
            throw new ValidationException(DeliveryRules.Field, "只有予以公开或部分公开的申请才能据以主动公开（条例第四十四条）。");
        }
        var document = await db.Set<DisclosedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DocumentId && d.RequestId == record.Id, ct)
            ?? throw new ValidationException("DocumentId", "请选择本申请已添加的公开文件。");
        if (document.Data is null)
        {
            throw new ValidationException("DocumentId", $"“{document.Name}”是已发布信息的链接，已经主动公开，无需再次发布。");
        }
        if (await db.Set<CasePublication>().AnyAsync(p => p.RequestId == record.Id && p.DocumentId == document.Id, ct))
        {
            throw new ValidationException("DocumentId", $"“{document.Name}”已据以报送主动公开。");
        }
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var today = clock.TodayDate;
        var itemInput = new ItemInput
        {
            ColumnId = input.ColumnId,
            Title = input.Title?.Trim() ?? "",
            PublishingOrg = agencyName,
            // The information was formed (or became public information) when it was decided to disclose it.
            FormedOn = record.DecidedOn ?? today,
            DisclosureMode = DisclosureMode.Proactive,
            Summary = string.IsNullOrWhiteSpace(input.Summary) ? "依申请公开后，多个申请人申请公开的政府信息，依据《中华人民共和国政府信息公开条例》第四十四条纳入主动公开范围。" : input.Summary.Trim(),
            BodyHtml = "",
        };
        var item = await items.CreateAsync(actor, record.AgencyId, itemInput, ct);
        await items.AddAttachmentAsync(actor, item.Id, document.Name, protector.Unprotect(document.Data), ct);
        item = await items.SubmitAsync(actor, item.Id, ct);
        db.Set<CasePublication>().Add(new CasePublication
        {
            RequestId = record.Id, AgencyId = record.AgencyId, ItemId = item.Id, DocumentId = document.Id,
            CreatedAt = clock.UtcNow, CreatedByName = actor.UserName,
        });
        var text = $"依据条例第四十四条，将“{document.Name}”拟稿为主动公开信息（索引号 {item.IndexNo}），已提交审核";
        store.AddEvent(actor, record, "request.publish", clock.Today, text, isPublic: false);
        audit.Record(actor, "request.publish", "Request", record.Id, $"{record.TrackingCode} {text}", record.AgencyId);
        await db.SaveChangesAsync(ct);
        return item;
    }
}
