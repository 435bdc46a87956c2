using NodaTime;
using System.Security.Cryptography;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Changes;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>
/// 条例第四十九条: the accepted report is published in the agency's 年报 column, as one catalog item per year whose page
/// links the report's portal page and carries its Word, PDF and Excel files. The supervising office's acceptance is the
/// second pair of eyes, so the item is published directly. The published revision is locked; a correction is a new
/// revision of the report (draft → … → accepted) whose publication replaces the item's content and says 更正 with its
/// date, while the earlier revision stays reachable on the report's page. Publication after the deadline is recorded.
/// </summary>
public sealed class ReportPublishing(
    GongkaiDbContext db, AgencyAccess access, ItemService items, ReportAttachmentFiles files, BodySanitizer sanitizer,
    AuditLog audit, ChangeFeed changes, PlatformClock clock)
{
    public Task<AnnualReportRecord> PublishAsync(StaffContext actor, int agencyId, int year, int version, CancellationToken ct = default) =>
        PublishAsync(actor, agencyId, year, version, clock.TodayDate, ct);

    /// <summary>
    /// Publishes as of an earlier day: the demo county's history, whose reports were published on time in their years.
    /// Staff always publish today (the public overload).
    /// </summary>
    internal async Task<AnnualReportRecord> PublishAsync(StaffContext actor, int agencyId, int year, int version, DateOnly publishedOn, CancellationToken ct = default)
    {
        if (publishedOn > clock.TodayDate)
        {
            throw new ValidationException("publishedOn", "公开日期不能晚于今天。");
        }
        // The agency publishes what it submitted (条例第四十九条): the role that submits (单位管理员) also writes and publishes items.
        actor.Require(Permission.ReportsSubmit, "只有单位管理员可以公开年度报告。");
        actor.Require(Permission.ItemsPublish, "只有单位管理员可以公开年度报告。");
        await access.EnsureWritableAsync(actor, agencyId, ct);
        var record = await db.AnnualReports.Where(r => r.AgencyId == agencyId && r.Year == year).OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"{year} 年度报告尚未生成。");
        if (record.Version != version)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再操作。");
        }
        if (record.Status != AnnualReportStatus.Accepted)
        {
            throw new ValidationException("status", $"{year} 年度报告当前为“{record.Status.Label()}”，主管部门接收后才能公开。");
        }
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var report = AnnualReportJson.Read(record.ModelJson);
        var previous = await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Year == year - 1)
            .OrderByDescending(r => r.Revision).Select(r => r.ModelJson).FirstOrDefaultAsync(ct);
        // Checked again, not trusted from the last save: a report with errors is never published (条例第五十条第二款, the unified format).
        var errors = ReportChecker.Check(report, previous is null ? null : AnnualReportJson.Read(previous), agency.Kind)
            .Count(f => f.Severity == FindingSeverity.Error);
        if (errors > 0 || record.ErrorCount > 0)
        {
            throw new ValidationException("status", $"{year} 年度报告还有 {Math.Max(errors, record.ErrorCount)} 项错误，不能公开。");
        }
        var columnId = await db.Columns.Where(c => c.AgencyId == agencyId && c.Key == StandardColumns.AnnualReports).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException("status", "本单位没有“年报”栏目，无法公开年度报告。");

        var today = publishedOn;
        var itemId = await db.AnnualReports.Where(r => r.AgencyId == agencyId && r.Year == year && r.ItemId != null)
            .OrderByDescending(r => r.Revision).Select(r => r.ItemId).FirstOrDefaultAsync(ct);
        var correction = itemId is not null;
        var input = new ItemInput
        {
            ColumnId = columnId,
            Title = ReportPublicText.ItemTitle(report, correction),
            PublishingOrg = agency.Name,
            FormedOn = today,
            PublishedOn = today,
            DisclosureMode = DisclosureMode.Proactive,
            Summary = ReportPublicText.Summary(report, correction ? today : null),
            BodyHtml = sanitizer.Sanitize(ReportPublicText.BodyHtml(agency.Code, report, record.Revision, correction ? today : null)),
        };
        var item = itemId is { } existing
            ? await db.Items.Include(i => i.Attachments).SingleAsync(i => i.Id == existing, ct)
            : await items.CreateAsync(actor, agencyId, input, ct);
        var wasPublished = item.Status == ItemStatus.Published;
        if (correction)
        {
            item.Title = input.Title;
            item.Summary = input.Summary;
            item.BodyHtml = input.BodyHtml;
            item.ColumnId = columnId;
            item.PendingRevisionJson = null;
            item.PendingStatus = null;
        }
        ReplaceAttachments(item, files.Attachments(report));
        item.Status = ItemStatus.Published;
        item.DisclosureMode = DisclosureMode.Proactive;
        item.ReviewerId = actor.UserId;
        item.SecrecyReviewed = true;
        item.ReviewNote = "主管部门已接收的年度报告";
        item.PublishedOn = correction ? item.PublishedOn ?? today : today;
        item.PublishedAt = clock.UtcNow;
        item.UpdatedAt = clock.UtcNow;
        item.Version++;
        await changes.ItemAsync(wasPublished ? ChangeKind.Revised : ChangeKind.Published, item, ct);
        db.ItemRevisions.Add(new ItemRevision
        {
            ItemId = item.Id, Version = item.Version, Action = "publish", SnapshotJson = ItemSnapshot.Of(item).ToJson(),
            ChangedById = actor.UserId, ChangedByName = actor.UserName, ChangedAt = clock.UtcNow,
        });

        record.Status = AnnualReportStatus.Published;
        record.ItemId = item.Id;
        record.PublishedAt = clock.UtcNow;
        record.PublishedOn = today;
        record.PublishedLate = ReportDeadline.IsLate(year, agency.Kind, LocalDate.FromDateOnly(publishedOn));
        record.Version++;
        record.UpdatedAt = clock.UtcNow;
        record.UpdatedById = actor.UserId;
        record.UpdatedByName = actor.UserName;
        var late = record.PublishedLate ? $"；逾期公开（条例第四十九条期限 {ReportDeadline.For(year, agency.Kind):yyyy-MM-dd}）" : "";
        audit.Record(actor, correction ? "report.correct" : "report.publish", "AnnualReport", $"{agencyId}/{year}/{record.Revision}",
            $"{year} 年度报告（第 {record.Revision} 版）{(correction ? "更正后公开" : "公开")}于“年报”栏目（索引号 {item.IndexNo}）{late}", agencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再操作。");
        }
        return record;
    }

    /// <summary>The item carries the files of the revision it shows; earlier revisions' files are made from their stored model on the report's page.</summary>
    private void ReplaceAttachments(Item item, IReadOnlyList<ReportFile> reportFiles)
    {
        foreach (var old in item.Attachments.ToList())
        {
            db.Attachments.Remove(old);
            db.AttachmentContents.Remove(new AttachmentContent { Id = old.Id, Data = [] });
        }
        foreach (var file in reportFiles)
        {
            var attachment = new Attachment
            {
                Id = Guid.NewGuid(), ItemId = item.Id, FileName = AttachmentInspector.CleanFileName(file.FileName), ContentType = file.ContentType,
                Size = file.Data.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Data)), UploadedAt = clock.UtcNow,
            };
            db.Attachments.Add(attachment);
            db.AttachmentContents.Add(new AttachmentContent { Id = attachment.Id, Data = file.Data });
        }
    }
}
