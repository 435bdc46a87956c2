using System.Net.Mail;
using Gongkai.Application.Data;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.Application.Requests.Notifications;

/// <summary>
/// Tells an applicant who gave an e-mail address that their case moved (<see cref="ApplicantStatusMail"/>). Called after a
/// step has been committed: it never fails the step — without <c>Smtp:Host</c> it does nothing, and an address the server
/// refuses or a server that does not answer is logged (by tracking code, never the address) and left at that.
/// </summary>
public sealed class ApplicantNotifier(GongkaiDbContext db, ApplicantDataProtector protector, DeadlineReminderOptions options,
    ILogger<ApplicantNotifier> logger)
{
    /// <summary>How long one notice may hold up the clerk's step while the SMTP server answers.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    public async Task NotifyAsync(RequestRecord record, string action, CancellationToken ct = default)
    {
        if (options.Smtp is not { } smtp || record.EmailProtected is null || !ApplicantStatusMail.Actions.Contains(action))
        {
            return;
        }
        try
        {
            var email = protector.Unprotect(record.EmailProtected);
            if (!MailAddress.TryCreate(email, out var to))
            {
                logger.LogWarning("申请 {TrackingCode} 的电子邮箱格式无效，未发送状态通知（{Action}）。", record.TrackingCode, action);
                return;
            }
            // RFC 2606 reserves .invalid for names that can never be delivered to (the demo county's applicants use it).
            if (to.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
            if (ApplicantStatusMail.Compose(action, record, agencyName, options.SiteBaseUrl) is not { } mail)
            {
                return;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(SendTimeout);
            await SmtpSender.SendAsync(smtp, [to], mail.Subject, mail.Body, timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "申请 {TrackingCode} 的状态通知邮件（{Action}）发送失败；办理步骤已保存。", record.TrackingCode, action);
        }
    }
}
