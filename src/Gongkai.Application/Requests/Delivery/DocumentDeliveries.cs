using Gongkai.Application.Requests.Reminders;
using System.Net.Mail;
using System.Net.Sockets;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.Application.Requests.Delivery;

/// <summary>What the applicant gets for a document on the tracking page: the file, or the published item's address.</summary>
public sealed record ApplicantDocument(StoredFile? File, string? ItemPath);

/// <summary>
/// Serving the disclosed information (送达) and recording it with its method and date: by e-mail from the platform, by
/// the applicant's first download on the tracking page, or by post, in person, fax as the clerk records. Only a
/// successful attempt counts as 送达; a refused e-mail is kept as failed and the clerk told why.
/// </summary>
public sealed class DocumentDeliveries(
    GongkaiDbContext db, RequestCaseStore store, AuditLog audit, PlatformClock clock, DisclosedDocumentProtector protector,
    ApplicantDataProtector applicant, DeliveryMailer mailer, ILogger<DocumentDeliveries> logger)
{
    public const string DeliveredAction = "request.delivery";
    public const string FailedAction = "request.delivery.failed";
    public const string DownloadAction = "request.document.download";

    /// <summary>
    /// E-mails the documents to the address the applicant gave (files attached up to <see cref="DeliveryMailer.MaxAttachedBytes"/>,
    /// published items linked). When the SMTP server refuses, the attempt is recorded as failed — nothing is marked
    /// delivered — and a <see cref="ValidationException"/> tells the clerk.
    /// </summary>
    public async Task<DocumentDelivery> SendByEmailAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        DeliveryRules.EnsureMayDeliver(record);
        if (!mailer.Configured)
        {
            throw new ValidationException("Email", "平台未配置邮件服务器（Smtp:Host、Smtp:From），不能以电子邮件送达；请选择其他送达方式。");
        }
        var address = applicant.UnprotectOptional(record.EmailProtected);
        if (string.IsNullOrWhiteSpace(address) || !MailAddress.TryCreate(address.Trim(), out var to))
        {
            throw new ValidationException("Email", "申请人未留有效的电子邮箱，不能以电子邮件送达；请选择其他送达方式。");
        }
        var documents = await db.Set<DisclosedDocument>().AsNoTracking().Where(d => d.RequestId == record.Id).OrderBy(d => d.AddedAt).ToListAsync(ct);
        if (documents.Count == 0)
        {
            throw new ValidationException(DeliveryRules.Field, "尚未添加公开的政府信息，请先添加文件或已发布信息的链接。");
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == record.AgencyId).Select(a => new { a.Name, a.Code }).SingleAsync(ct);
        var mailDocuments = new List<MailDocument>();
        foreach (var d in documents)
        {
            mailDocuments.Add(new MailDocument(d.Name, d.IsLink ? await ItemLinkAsync(d.ItemId!.Value, ct) : null,
                d.Data is null ? null : new MailFile(d.Name, d.ContentType!, protector.Unprotect(d.Data))));
        }
        var files = mailDocuments.Where(d => d.File is not null).Select(d => d.File!).ToList();
        var attach = files.Sum(f => f.Data.LongLength) <= DeliveryMailer.MaxAttachedBytes;
        var (subject, body) = DeliveryMailer.Compose(agency.Name, record.TrackingCode, mailDocuments, attach, mailer.SiteBaseUrl);
        var today = clock.Today;
        try
        {
            await mailer.SendAsync(to, subject, body, attach ? files : [], ct);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or SocketException or InvalidOperationException or FormatException)
        {
            // The server's answer may quote the address: the record keeps the status code only.
            var status = ex is SmtpException smtp ? $"SMTP {(int)smtp.StatusCode}" : ex.GetType().Name;
            logger.LogWarning("申请 {RequestId} 的送达邮件发送失败：{Status}", record.Id, status);
            var failed = Add(actor, record, DeliveryMethod.Email, today.ToDateOnly(), succeeded: false, $"电子邮件发送失败（{status}），未送达");
            store.AddEvent(actor, record, FailedAction, today, failed.Detail, isPublic: false);
            audit.Record(actor, FailedAction, "Request", record.Id, $"{record.TrackingCode} {failed.Detail}", record.AgencyId);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new ValidationException("Email",
                "电子邮件发送失败：邮件服务器拒收或无法连接（退信）。本次未记为送达，请核对申请人的电子邮箱后重试，或改用其他方式送达。");
        }
        var text = $"以电子邮件送达公开的政府信息{documents.Count}件" + (attach || files.Count == 0 ? "" : "（文件较大，邮件告知在线下载）");
        var delivery = Add(actor, record, DeliveryMethod.Email, today.ToDateOnly(), succeeded: true, text);
        store.AddEvent(actor, record, DeliveredAction, today, text);
        audit.Record(actor, DeliveredAction, "Request", record.Id, $"{record.TrackingCode} {text}", record.AgencyId);
        await db.SaveChangesAsync(CancellationToken.None);
        return delivery;
    }

    /// <summary>A delivery the clerk made outside the platform (邮寄、当面领取、传真…), on the day it happened.</summary>
    public async Task<DocumentDelivery> RecordAsync(StaffContext actor, long requestId, DeliveryMethod method, DateOnly? on, string? note, CancellationToken ct = default)
    {
        // The case first: a case the actor may not change answers "not found" whatever was posted.
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        if (!DeliveryMethods.Recorded.Contains(method))
        {
            throw new ValidationException("Method", "请选择送达方式（邮寄、当面领取、传真或其他方式）；电子邮件和在线下载由平台在发送或下载时记录。");
        }
        DeliveryRules.EnsureMayDeliver(record);
        var today = clock.TodayDate;
        InputBounds.RequireDate("On", on, clock.Today);
        var date = on ?? today;
        if (date > today)
        {
            throw new ValidationException("On", "送达日期不能晚于今天。");
        }
        if (record.DecidedOn is { } decided && date < decided)
        {
            throw new ValidationException("On", $"送达日期不能早于作出答复决定之日（{decided:yyyy-MM-dd}）。");
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 200 })
        {
            throw new ValidationException("Note", "送达说明不能超过200字。");
        }
        var text = $"以{method.Label()}送达公开的政府信息" + (note is null ? "" : $"（{note}）");
        var delivery = Add(actor, record, method, date, succeeded: true, text);
        // The note may hold a postal receipt number and the like: the applicant's timeline shows the method and date only.
        store.AddEvent(actor, record, DeliveredAction, NodaTime.LocalDate.FromDateOnly(date), $"以{method.Label()}送达公开的政府信息");
        audit.Record(actor, DeliveredAction, "Request", record.Id, $"{record.TrackingCode} {text}", record.AgencyId);
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    /// <summary>
    /// A document of the case the applicant opened on the tracking page (<paramref name="view"/> was checked with code and
    /// secret), once the answer has been served; null for anything else, with nothing written. Every download is audited
    /// as the applicant's; the first one is the 送达 of online delivery.
    /// </summary>
    public async Task<ApplicantDocument?> DownloadForApplicantAsync(TrackingView view, Guid documentId, string? ipAddress, CancellationToken ct = default)
    {
        var record = view.Record;
        if (!DeliveryRules.ApplicantMayDownload(record))
        {
            return null;
        }
        var document = await db.Set<DisclosedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.RequestId == record.Id, ct);
        if (document is null)
        {
            return null;
        }
        var actor = new StaffContext("applicant", "申请人", record.AgencyId, new HashSet<string>(), ipAddress);
        audit.Record(actor, DownloadAction, "Request", record.Id, $"{record.TrackingCode} 申请人凭查询码和查询密码下载公开的政府信息：{document.Name}", record.AgencyId);
        var firstDownload = !await db.Set<DocumentDelivery>().AnyAsync(d => d.RequestId == record.Id && d.Method == DeliveryMethod.OnlineDownload && d.Succeeded, ct);
        if (firstDownload)
        {
            var today = clock.Today;
            const string text = "申请人在线下载公开的政府信息（以在线下载方式送达）";
            Add(actor, record, DeliveryMethod.OnlineDownload, today.ToDateOnly(), succeeded: true, text);
            store.AddEvent(actor, record, DeliveredAction, today, text);
        }
        // Recorded before anything is decrypted: a download that fails halfway is still on the record.
        await db.SaveChangesAsync(ct);
        return document.IsLink
            ? new ApplicantDocument(null, await ItemPathAsync(document.ItemId!.Value, ct))
            : new ApplicantDocument(new StoredFile(document.Name, document.ContentType!, protector.Unprotect(document.Data!)), null);
    }

    private DocumentDelivery Add(StaffContext actor, RequestRecord record, DeliveryMethod method, DateOnly on, bool succeeded, string detail)
    {
        var delivery = new DocumentDelivery
        {
            RequestId = record.Id, AgencyId = record.AgencyId, Method = method, On = on, At = clock.UtcNow,
            Succeeded = succeeded, Detail = detail, ActorName = actor.UserName,
        };
        db.Set<DocumentDelivery>().Add(delivery);
        return delivery;
    }

    private async Task<string> ItemLinkAsync(long itemId, CancellationToken ct)
    {
        var path = await ItemPathAsync(itemId, ct);
        return mailer.SiteBaseUrl is { } baseUrl ? new Uri(baseUrl, path.TrimStart('/')).ToString() : path;
    }

    /// <summary>The portal address of a linked item (<c>/agencies/{code}/items/{year}/{serial}</c>).</summary>
    private async Task<string> ItemPathAsync(long itemId, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().OutsideAgencyScope(ScopeOptOut.Portal).Where(i => i.Id == itemId)
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { a.Code, i.Year, i.Serial }).SingleAsync(ct);
        return $"/agencies/{item.Code}/items/{item.Year}/{item.Serial}";
    }
}
