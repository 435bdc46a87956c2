using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Changes;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Catalog;

/// <summary>Creating, editing, reviewing, publishing and withdrawing catalog items. Every action is audited.</summary>
public sealed class ItemService(
    GongkaiDbContext db,
    AgencyAccess access,
    AuditLog audit,
    ChangeFeed changes,
    PlatformClock clock,
    BodySanitizer sanitizer,
    UploadLimits limits)
{
    public async Task<Item> CreateAsync(StaffContext actor, int agencyId, ItemInput input, CancellationToken ct = default)
    {
        await access.EnsureWritableAsync(actor, agencyId, ct);
        RequireEditor(actor);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var item = new Item
        {
            AgencyId = agencyId,
            IndexNo = "",
            Title = "",
            PublishingOrg = "",
            AuthorId = actor.UserId,
            Status = ItemStatus.Draft,
            CreatedAt = clock.UtcNow,
        };
        await ApplyAsync(item, input, ct);
        var settings = await db.PlatformSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1, ct) ?? new PlatformSettings();
        var format = new IndexNumberFormat(settings.IndexNoFormat);
        item.Year = item.FormedOn.Year;
        item.UpdatedAt = item.CreatedAt;
        item.Version = 1;

        // Serials are allocated as max+1 under a unique index: two web nodes racing for the same serial make one
        // insert fail, and it simply retries with the next number.
        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            item.Serial = 1 + (await db.Items.Where(i => i.AgencyId == agencyId && i.Year == item.Year).MaxAsync(i => (int?)i.Serial, ct) ?? 0);
            item.IndexNo = format.Format(agency.Code, item.Year, item.Serial);
            db.Items.Add(item);
            try
            {
                await db.SaveChangesAsync(ct);
                AddRevision(actor, item, "create");
                audit.Record(actor, "item.create", "Item", item.Id, $"{item.IndexNo} {item.Title}", agencyId);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return item;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                item.Id = 0;
                await EnsureUniqueDocNoAsync(item, ct);
            }
        }
    }

    public async Task<Item> UpdateAsync(StaffContext actor, long itemId, ItemInput input, int? expectedVersion = null, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        RequireEditor(actor);
        if (expectedVersion is { } v && v != item.Version)
        {
            throw new ValidationException("Version", "该信息已被他人修改，请刷新后重新编辑。");
        }
        var wasPublic = item.Status == ItemStatus.Published;
        await ApplyAsync(item, input, ct);
        // Changing reviewed content sends it back through review (条例第十七条): it leaves the portal until approved again.
        if (item.Status is ItemStatus.Published or ItemStatus.Filed or ItemStatus.Withdrawn or ItemStatus.PendingReview)
        {
            item.Status = ItemStatus.Draft;
            item.SecrecyReviewed = false;
            item.ReviewerId = null;
        }
        item.UpdatedAt = clock.UtcNow;
        item.Version++;
        AddRevision(actor, item, "update");
        audit.Record(actor, "item.update", "Item", item.Id, wasPublic ? $"{item.IndexNo} 修改已发布信息，撤下待重新审核" : item.IndexNo, item.AgencyId);
        if (wasPublic)
        {
            await changes.ItemAsync(ChangeKind.Withdrawn, item, ct);
        }
        await SaveAsync(ct);
        return item;
    }

    public async Task<Item> SubmitAsync(StaffContext actor, long itemId, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        RequireEditor(actor);
        item.Status = ItemWorkflow.Submit(item.Status, item.DisclosureMode, item.WithholdingReason);
        return await TransitionAsync(actor, item, "item.submit", $"公开属性：{item.DisclosureMode.Label()}", ct);
    }

    /// <summary>保密审查 and 审核 by a second person; a 主动公开 item is published (条例第十七条).</summary>
    public async Task<Item> ApproveAsync(StaffContext actor, long itemId, bool secrecyReviewed, string? note, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        if (!actor.CanReview)
        {
            throw new ForbiddenException("只有审核员可以审核发布。");
        }
        item.Status = ItemWorkflow.Approve(item.Status, item.DisclosureMode, item.AuthorId, actor.UserId, secrecyReviewed);
        item.ReviewerId = actor.UserId;
        item.SecrecyReviewed = true;
        item.ReviewNote = note;
        if (item.Status == ItemStatus.Published)
        {
            await changes.ItemAsync(ChangeFeed.PublicationKind(item, wasPublishedBefore: item.PublishedAt is not null), item, ct);
            item.PublishedOn ??= clock.TodayDate;
            item.PublishedAt = clock.UtcNow;
        }
        return await TransitionAsync(actor, item, item.Status == ItemStatus.Published ? "item.publish" : "item.file",
            $"保密审查：已完成；审核意见：{note}", ct);
    }

    public async Task<Item> ReturnAsync(StaffContext actor, long itemId, string? reason, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        if (!actor.CanReview)
        {
            throw new ForbiddenException("只有审核员可以退回稿件。");
        }
        item.Status = ItemWorkflow.Return(item.Status, item.AuthorId, actor.UserId, reason);
        item.ReviewNote = reason;
        return await TransitionAsync(actor, item, "item.return", reason, ct);
    }

    public async Task<Item> WithdrawAsync(StaffContext actor, long itemId, string? reason, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        if (!actor.Has(Permission.ItemsPublish))
        {
            throw new ForbiddenException("只有审核员或单位管理员可以撤回已发布信息。");
        }
        item.Status = ItemWorkflow.Withdraw(item.Status, reason);
        item.WithdrawReason = reason;
        await changes.ItemAsync(ChangeKind.Withdrawn, item, ct);
        return await TransitionAsync(actor, item, "item.withdraw", reason, ct);
    }

    public async Task<Attachment> AddAttachmentAsync(StaffContext actor, long itemId, string fileName, byte[] content, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        RequireEditor(actor);
        if (item.Status is not (ItemStatus.Draft or ItemStatus.Returned))
        {
            throw new ValidationException("File", "只能给草稿或被退回的信息添加附件；已提交或已发布的信息请先修改为草稿。");
        }
        fileName = AttachmentInspector.CleanFileName(fileName);
        var type = AttachmentInspector.Inspect(fileName, content, limits.MaxAttachmentBytes);
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(),
            ItemId = item.Id,
            FileName = fileName,
            ContentType = type.ContentType,
            Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = clock.UtcNow,
        };
        db.Attachments.Add(attachment);
        db.AttachmentContents.Add(new AttachmentContent { Id = attachment.Id, Data = content });
        item.Version++;
        item.UpdatedAt = clock.UtcNow;
        audit.Record(actor, "item.attach", "Item", item.Id, $"{fileName} ({content.LongLength} 字节, SHA-256 {attachment.Sha256})", item.AgencyId);
        await SaveAsync(ct);
        return attachment;
    }

    public async Task RemoveAttachmentAsync(StaffContext actor, long itemId, Guid attachmentId, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        RequireEditor(actor);
        if (item.Status is not (ItemStatus.Draft or ItemStatus.Returned))
        {
            throw new ValidationException("File", "只能删除草稿或被退回信息的附件。");
        }
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == itemId, ct)
            ?? throw new NotFoundException("附件不存在。");
        db.Attachments.Remove(attachment);
        await db.AttachmentContents.Where(c => c.Id == attachmentId).ExecuteDeleteAsync(ct);
        item.Version++;
        audit.Record(actor, "item.detach", "Item", item.Id, attachment.FileName, item.AgencyId);
        await SaveAsync(ct);
    }

    /// <summary>Loads an item the actor may read (own agency, or a subordinate for a supervisor).</summary>
    public async Task<Item> LoadReadableAsync(StaffContext actor, long itemId, CancellationToken ct = default)
    {
        var item = await db.Items.Include(i => i.Attachments).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        // The same answer, word for word, whether the item does not exist or belongs to an agency the actor may not see.
        if (item is null || !await access.CanReadAsync(actor, item.AgencyId, ct))
        {
            throw new NotFoundException("找不到该信息，或您无权查看。");
        }
        return item;
    }

    private async Task<Item> LoadWritableAsync(StaffContext actor, long itemId, CancellationToken ct)
    {
        var item = await LoadReadableAsync(actor, itemId, ct);
        await access.EnsureWritableAsync(actor, item.AgencyId, ct);
        return item;
    }

    private static void RequireEditor(StaffContext actor)
    {
        if (!actor.CanEdit)
        {
            throw new ForbiddenException("只有信息编辑可以拟稿和修改信息。");
        }
    }

    private async Task<Item> TransitionAsync(StaffContext actor, Item item, string action, string? detail, CancellationToken ct)
    {
        item.UpdatedAt = clock.UtcNow;
        item.Version++;
        AddRevision(actor, item, action["item.".Length..]);
        audit.Record(actor, action, "Item", item.Id, $"{item.IndexNo} → {item.Status.Label()}；{detail}", item.AgencyId);
        await SaveAsync(ct);
        return item;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ValidationException("Version", "该信息已被他人修改，请刷新后重试。");
        }
    }

    private async Task ApplyAsync(Item item, ItemInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = clock.TodayDate;
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(nameof(input.Title), "请填写标题。");
        }
        else if (input.Title.Length > 500)
        {
            errors.Add(nameof(input.Title), "标题不能超过500字。");
        }
        if (string.IsNullOrWhiteSpace(input.PublishingOrg))
        {
            errors.Add(nameof(input.PublishingOrg), "请填写发布机构。");
        }
        if (input.FormedOn is null)
        {
            errors.Add(nameof(input.FormedOn), "请填写信息形成（或变更）日期：条例第二十六条从这一天起计算20个工作日的公开期限。");
        }
        else if (input.FormedOn > today)
        {
            errors.Add(nameof(input.FormedOn), "信息形成日期不能晚于今天。");
        }
        if (input.WrittenOn is { } written && written > today)
        {
            errors.Add(nameof(input.WrittenOn), "成文日期不能晚于今天。");
        }
        if (!await db.Columns.AnyAsync(c => c.Id == input.ColumnId && c.AgencyId == item.AgencyId, ct))
        {
            errors.Add(nameof(input.ColumnId), "请选择本单位的栏目。");
        }
        var docNo = string.IsNullOrWhiteSpace(input.DocNo) ? null : input.DocNo.Trim();
        if (docNo is not null && await db.Items.AnyAsync(i => i.AgencyId == item.AgencyId && i.DocNo == docNo && i.Id != item.Id, ct))
        {
            errors.Add(nameof(input.DocNo), $"文号“{docNo}”在本单位已被其他信息使用。");
        }
        ItemInputBounds.CheckChoices(errors, input);
        if (input.DisclosureMode == DisclosureMode.Withheld && input.WithholdingReason == WithholdingReason.None)
        {
            errors.Add(nameof(input.WithholdingReason), "不予公开的信息必须选择法定理由。");
        }

        long? replacedById = null;
        long? interpretsId = null;
        if (input.DocumentKind.HasValidity())
        {
            if (input.Validity == Validity.NotApplicable)
            {
                errors.Add(nameof(input.Validity), "规章和规范性文件必须标注有效性（有效/失效/废止）。");
            }
            if (input.Validity is Validity.Lapsed or Validity.Repealed && input.InvalidatedOn is null)
            {
                errors.Add(nameof(input.InvalidatedOn), "失效或废止的文件必须填写失效/废止日期。");
            }
            if (input.EffectiveOn is { } eff && input.InvalidatedOn is { } inv && inv < eff)
            {
                errors.Add(nameof(input.InvalidatedOn), "失效/废止日期不能早于施行日期。");
            }
            if (!string.IsNullOrWhiteSpace(input.ReplacedByIndexNo))
            {
                replacedById = await LinkTargetAsync(input.ReplacedByIndexNo.Trim(), item.Id, ct);
                if (replacedById is null)
                {
                    errors.Add(nameof(input.ReplacedByIndexNo), $"找不到索引号为“{input.ReplacedByIndexNo}”的替代文件。");
                }
            }
        }
        else if (input.Validity != Validity.NotApplicable)
        {
            errors.Add(nameof(input.Validity), "只有规章和规范性文件标注有效性。");
        }
        if (input.DocumentKind == DocumentKind.PolicyInterpretation)
        {
            if (input.InterpretationForm == InterpretationForm.None)
            {
                errors.Add(nameof(input.InterpretationForm), "请选择解读形式（文字、图解、视频、专家、领导等）。");
            }
            if (string.IsNullOrWhiteSpace(input.InterpretsIndexNo))
            {
                errors.Add(nameof(input.InterpretsIndexNo), "政策解读必须关联所解读文件的索引号。");
            }
            else
            {
                interpretsId = await LinkTargetAsync(input.InterpretsIndexNo.Trim(), item.Id, ct);
                if (interpretsId is null)
                {
                    errors.Add(nameof(input.InterpretsIndexNo), $"找不到索引号为“{input.InterpretsIndexNo}”的被解读文件。");
                }
            }
        }
        string body = "";
        try
        {
            body = sanitizer.Sanitize(input.BodyHtml);
        }
        catch (ValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                {
                    errors.Add(field, m);
                }
            }
        }
        errors.ThrowIfAny();

        item.ColumnId = input.ColumnId;
        item.Title = input.Title.Trim();
        item.PublishingOrg = input.PublishingOrg.Trim();
        item.WrittenOn = input.WrittenOn;
        item.FormedOn = input.FormedOn!.Value;
        item.PublishedOn = input.PublishedOn ?? item.PublishedOn;
        item.DocNo = docNo;
        item.TopicCategory = string.IsNullOrWhiteSpace(input.TopicCategory) ? null : input.TopicCategory.Trim();
        item.DisclosureMode = input.DisclosureMode;
        item.WithholdingReason = input.DisclosureMode == DisclosureMode.Withheld ? input.WithholdingReason : WithholdingReason.None;
        item.DisclosureScope = string.IsNullOrWhiteSpace(input.DisclosureScope) ? "面向全社会" : input.DisclosureScope.Trim();
        item.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        item.BodyHtml = body;
        item.DocumentKind = input.DocumentKind;
        item.Validity = input.DocumentKind.HasValidity() ? input.Validity : Validity.NotApplicable;
        item.EffectiveOn = input.EffectiveOn;
        item.InvalidatedOn = item.Validity is Validity.Lapsed or Validity.Repealed ? input.InvalidatedOn : null;
        item.ReplacedById = replacedById;
        item.InterpretationForm = input.DocumentKind == DocumentKind.PolicyInterpretation ? input.InterpretationForm : InterpretationForm.None;
        item.InterpretsId = interpretsId;
    }

    private async Task EnsureUniqueDocNoAsync(Item item, CancellationToken ct)
    {
        if (item.DocNo is not null && await db.Items.AnyAsync(i => i.AgencyId == item.AgencyId && i.DocNo == item.DocNo, ct))
        {
            throw new ValidationException(nameof(ItemInput.DocNo), $"文号“{item.DocNo}”在本单位已被其他信息使用。");
        }
    }

    // Chinese stays readable in stored snapshots.
    private static readonly JsonSerializerOptions SnapshotJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void AddRevision(StaffContext actor, Item item, string action) =>
        db.ItemRevisions.Add(new ItemRevision
        {
            ItemId = item.Id,
            Version = item.Version,
            Action = action,
            SnapshotJson = JsonSerializer.Serialize(new
            {
                item.IndexNo, item.Title, item.PublishingOrg, item.WrittenOn, item.FormedOn, item.PublishedOn, item.DocNo,
                item.TopicCategory, item.ColumnId, item.DisclosureMode, item.WithholdingReason, item.DisclosureScope, item.Summary,
                item.BodyHtml, item.DocumentKind, item.Validity, item.EffectiveOn, item.InvalidatedOn, item.ReplacedById,
                item.InterpretationForm, item.InterpretsId, item.Status,
            }, SnapshotJson),
            ChangedById = actor.UserId,
            ChangedByName = actor.UserName,
            ChangedAt = clock.UtcNow,
        });

    /// <summary>
    /// The id of a document an item may link to (替代文件, 被解读文件) by 索引号: one within the actor's agency scope, or any
    /// agency's published item — public anyway, and a department may interpret the county government's document.
    /// </summary>
    private async Task<long?> LinkTargetAsync(string indexNo, long selfId, CancellationToken ct) =>
        await LinkTarget(i => i.IndexNo == indexNo && i.Id != selfId).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct)
        ?? await LinkTarget(i => i.IndexNo == indexNo && i.Id != selfId, published: true).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct);

    /// <summary>The 索引号 of a linked document, on the same terms as <see cref="LinkTargetAsync"/>; null when not visible.</summary>
    public async Task<string?> LinkedIndexNoAsync(long? id, CancellationToken ct = default) =>
        id is not { } linked ? null
            : await LinkTarget(i => i.Id == linked).Select(i => i.IndexNo).FirstOrDefaultAsync(ct)
              ?? await LinkTarget(i => i.Id == linked, published: true).Select(i => i.IndexNo).FirstOrDefaultAsync(ct);

    private IQueryable<Item> LinkTarget(System.Linq.Expressions.Expression<Func<Item, bool>> match, bool published = false) =>
        published
            ? db.Items.OutsideAgencyScope(ScopeOptOut.Portal).Where(i => i.Status == ItemStatus.Published).Where(match)
            : db.Items.Where(match);
}

/// <summary>Upload limits, from configuration (<c>Uploads:MaxAttachmentMegabytes</c>).</summary>
public sealed class UploadLimits
{
    public long MaxAttachmentBytes { get; init; } = AttachmentInspector.DefaultMaxBytes;
}
