using System.Security.Cryptography;
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
        if (item.Status == ItemStatus.Published)
        {
            // The published revision stays public until the new one is approved (条例第十七条, decision 0013): the edit is
            // kept as the working revision beside it, and the portal is not told about anything yet.
            var working = Copy(item, item.PendingRevisionJson is { } pending ? ItemSnapshot.Parse(pending) : ItemSnapshot.Of(item), ItemStatus.Draft);
            await ApplyAsync(working, input, ct);
            item.PendingRevisionJson = ItemSnapshot.Of(working).ToJson();
            item.PendingStatus = ItemStatus.Draft;
        }
        else
        {
            await ApplyAsync(item, input, ct);
            // Changing reviewed content sends it back through review (条例第十七条).
            if (item.Status is ItemStatus.Filed or ItemStatus.Withdrawn or ItemStatus.PendingReview)
            {
                item.Status = ItemStatus.Draft;
                item.SecrecyReviewed = false;
                item.ReviewerId = null;
            }
        }
        item.UpdatedAt = clock.UtcNow;
        item.Version++;
        AddRevision(actor, item, "update");
        audit.Record(actor, "item.update", "Item", item.Id,
            item.PendingStatus is null ? item.IndexNo : $"{item.IndexNo} 修改已发布信息：已发布版本继续公开，修改待审核通过后生效", item.AgencyId);
        await SaveAsync(ct);
        return Working(item);
    }

    public async Task<Item> SubmitAsync(StaffContext actor, long itemId, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        RequireEditor(actor);
        var working = Working(item);
        SetWorkingStatus(item, ItemWorkflow.Submit(working.Status, working.DisclosureMode, working.WithholdingReason));
        return await TransitionAsync(actor, item, "item.submit", $"公开属性：{working.DisclosureMode.Label()}", ct);
    }

    /// <summary>
    /// 保密审查 and 审核 by a second person — not the author, nor anyone who changed the content since it was last approved —
    /// of the revision the reviewer read (<paramref name="reviewedVersion"/>); a 主动公开 item is published (条例第十七条).
    /// </summary>
    public async Task<Item> ApproveAsync(StaffContext actor, long itemId, int? reviewedVersion, bool secrecyReviewed, string? note, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        if (!actor.CanReview)
        {
            throw new ForbiddenException("只有审核员可以审核发布。");
        }
        var reviewed = reviewedVersion ?? throw new ValidationException("Version", "请提供所审阅的版本号：审核通过只对审阅过的版本有效，请刷新页面后重新审核。");
        var working = Working(item);
        var changedBy = await ContentChangedBySinceApprovalAsync(item.Id, ct);
        var approved = ItemWorkflow.Approve(working.Status, working.DisclosureMode, item.AuthorId, changedBy, actor.UserId,
            secrecyReviewed, reviewed, item.Version);
        var wasPublic = item.Status == ItemStatus.Published;
        if (item.PendingRevisionJson is { } pending)
        {
            // The approved revision replaces the published one in one step; until now the portal showed the old one.
            var revision = ItemSnapshot.Parse(pending);
            var leavesListings = revision.ColumnId != item.ColumnId || revision.InterpretsId != item.InterpretsId
                || approved != ItemStatus.Published;
            if (leavesListings)
            {
                // Evicts the pages the published revision was listed on (its column, the document it interprets).
                await changes.ItemAsync(ChangeKind.Withdrawn, item, ct);
            }
            revision.ApplyContentTo(item);
            item.PendingRevisionJson = null;
            item.PendingStatus = null;
        }
        item.Status = approved;
        item.ReviewerId = actor.UserId;
        item.SecrecyReviewed = true;
        item.ReviewNote = note;
        if (item.Status == ItemStatus.Published)
        {
            await changes.ItemAsync(ChangeFeed.PublicationKind(item, wasPublishedBefore: wasPublic || item.PublishedAt is not null), item, ct);
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
        SetWorkingStatus(item, ItemWorkflow.Return(Working(item).Status, item.AuthorId, actor.UserId, reason));
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
        if (item.PendingRevisionJson is { } pending)
        {
            // Nothing is lost: the revision in progress becomes the withdrawn item's content, to be edited and reviewed again.
            ItemSnapshot.Parse(pending).ApplyContentTo(item);
            item.PendingRevisionJson = null;
            item.PendingStatus = null;
        }
        return await TransitionAsync(actor, item, "item.withdraw", reason, ct);
    }

    public async Task<Attachment> AddAttachmentAsync(StaffContext actor, long itemId, string fileName, byte[] content, CancellationToken ct = default)
    {
        var item = await LoadWritableAsync(actor, itemId, ct);
        RequireEditor(actor);
        if (item.Status is not (ItemStatus.Draft or ItemStatus.Returned))
        {
            throw new ValidationException("File", "只能给草稿或被退回的信息添加附件：已提交的信息请等待审核结果；已发布信息的附件随已发布版本公开，如需更换请先撤回。");
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
        // Attachments are content: the uploader counts among those who changed it (the four-eyes rule reads revisions).
        AddRevision(actor, item, "attach");
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
        AddRevision(actor, item, "detach");
        audit.Record(actor, "item.detach", "Item", item.Id, attachment.FileName, item.AgencyId);
        await SaveAsync(ct);
    }

    /// <summary>
    /// An attachment of an item the actor may read, in any state: reviewers read a pending item's files before approving
    /// (条例第十七条) — the public link only serves published ones. Every staff download is audited.
    /// </summary>
    public async Task<(Attachment Meta, byte[] Data)> OpenAttachmentAsync(StaffContext actor, long itemId, Guid attachmentId, CancellationToken ct = default)
    {
        var item = await LoadReadableAsync(actor, itemId, ct);
        var attachment = item.Attachments.SingleOrDefault(a => a.Id == attachmentId)
            ?? throw new NotFoundException("附件不存在，或您无权查看。");
        var data = await db.AttachmentContents.AsNoTracking().Where(c => c.Id == attachmentId).Select(c => c.Data).SingleAsync(ct);
        audit.Record(actor, "item.attachment.download", "Item", item.Id, $"{item.IndexNo} {attachment.FileName}", item.AgencyId);
        await db.SaveChangesAsync(ct);
        return (attachment, data);
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

    /// <summary>The working revision of an item the actor may read (see <see cref="Working"/>).</summary>
    public async Task<Item> LoadWorkingAsync(StaffContext actor, long itemId, CancellationToken ct = default) =>
        Working(await LoadReadableAsync(actor, itemId, ct));

    /// <summary>What changed in the working revision since the given version (the one a reviewer read); null when that version is unknown.</summary>
    public async Task<RevisionDiff?> DiffSinceAsync(StaffContext actor, long itemId, int fromVersion, CancellationToken ct = default)
    {
        var item = await LoadWorkingAsync(actor, itemId, ct);
        var from = await db.ItemRevisions.AsNoTracking().Where(r => r.ItemId == itemId && r.Version == fromVersion)
            .OrderByDescending(r => r.Id).Select(r => r.SnapshotJson).FirstOrDefaultAsync(ct);
        if (from is null)
        {
            return null;
        }
        var before = ItemSnapshot.Parse(from);
        var after = ItemSnapshot.Of(item);
        var columns = await db.Columns.AsNoTracking().Where(c => c.Id == before.ColumnId || c.Id == after.ColumnId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return RevisionDiff.Between(fromVersion, before, item.Version, after, id => columns.GetValueOrDefault(id, ""));
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
        audit.Record(actor, action, "Item", item.Id, $"{item.IndexNo} → {(item.PendingStatus ?? item.Status).Label()}；{detail}", item.AgencyId);
        await SaveAsync(ct);
        return Working(item);
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

    private void AddRevision(StaffContext actor, Item item, string action) =>
        db.ItemRevisions.Add(new ItemRevision
        {
            ItemId = item.Id,
            Version = item.Version,
            Action = action,
            // The working revision: what the editor wrote and the reviewer reads, even while the published one stays public.
            SnapshotJson = ItemSnapshot.Of(Working(item)).ToJson(),
            ChangedById = actor.UserId,
            ChangedByName = actor.UserName,
            ChangedAt = clock.UtcNow,
        });

    /// <summary>Revision actions that change the content (the others move it through the workflow).</summary>
    private static readonly string[] ContentActions = ["create", "update", "attach", "detach"];

    /// <summary>Revision actions that approve the content: the four-eyes rule counts changes made after the last one.</summary>
    private static readonly string[] ApprovalActions = ["publish", "file"];

    /// <summary>Everyone who changed the content since it was last approved, from the revisions.</summary>
    public async Task<IReadOnlyCollection<string>> ContentChangedBySinceApprovalAsync(long itemId, CancellationToken ct = default)
    {
        var lastApproval = await db.ItemRevisions.Where(r => r.ItemId == itemId && ApprovalActions.Contains(r.Action))
            .MaxAsync(r => (int?)r.Version, ct) ?? 0;
        return await db.ItemRevisions
            .Where(r => r.ItemId == itemId && r.Version > lastApproval && ContentActions.Contains(r.Action) && r.ChangedById != null)
            .Select(r => r.ChangedById!).Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// The revision staff work on: the item itself, or — while a published item is being revised — a detached copy carrying
    /// the working revision and its status. The published row is never changed through it.
    /// </summary>
    public static Item Working(Item item) =>
        item.PendingRevisionJson is { } pending ? Copy(item, ItemSnapshot.Parse(pending), item.PendingStatus ?? ItemStatus.Draft) : item;

    /// <summary>A detached copy of the item with the given content and status; the tracked row is left as it is.</summary>
    private static Item Copy(Item item, ItemSnapshot content, ItemStatus status)
    {
        var copy = new Item
        {
            Id = item.Id, AgencyId = item.AgencyId, Year = item.Year, Serial = item.Serial, IndexNo = item.IndexNo, Title = "",
            PublishingOrg = "", AuthorId = item.AuthorId, ReviewerId = item.ReviewerId, SecrecyReviewed = item.SecrecyReviewed,
            ReviewNote = item.ReviewNote, WithdrawReason = item.WithdrawReason, Version = item.Version, CreatedAt = item.CreatedAt,
            UpdatedAt = item.UpdatedAt, PublishedAt = item.PublishedAt, Attachments = item.Attachments,
            PendingRevisionJson = item.PendingRevisionJson, PendingStatus = item.PendingStatus, Status = status,
        };
        content.ApplyContentTo(copy);
        return copy;
    }

    /// <summary>A workflow step on the working revision: the pending one of a published item, or the item itself.</summary>
    private static void SetWorkingStatus(Item item, ItemStatus status)
    {
        if (item.PendingRevisionJson is not null)
        {
            item.PendingStatus = status;
        }
        else
        {
            item.Status = status;
        }
    }

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
