using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Gongkai.Application.Requests.Reminders;

/// <summary>What one run did for one agency.</summary>
public enum ReminderOutcome
{
    /// <summary>The SMTP server accepted the e-mail.</summary>
    Sent,
    /// <summary>Another node (or an earlier run) already claimed this agency for today.</summary>
    AlreadyClaimed,
    /// <summary>Nobody in the agency who handles requests has an e-mail address: claimed, audited, nothing sent.</summary>
    NoRecipients,
    /// <summary>The SMTP conversation failed; the claim was released so a later run tries again.</summary>
    Failed,
}

/// <summary>The result of <see cref="DeadlineReminderService.RunOnceAsync"/>; <see cref="Skipped"/> says why nothing was tried.</summary>
public sealed record ReminderRun(DateOnly Date, string? Skipped, IReadOnlyDictionary<int, ReminderOutcome> Agencies)
{
    public int Sent => Agencies.Values.Count(v => v == ReminderOutcome.Sent);
}

/// <summary>
/// E-mail reminders of the deadline dashboard (issue 3): once per working day, after <see cref="DeadlineReminderOptions.SendAfter"/>
/// Beijing time, each agency with running cases overdue or due within 5 working days gets one e-mail to its staff who handle
/// requests. Several web nodes may run this on one database: only the node holding the <c>deadline-reminders</c> lease
/// runs it, and, should a lease change hands mid-run, the (AgencyId, Date) row is inserted before sending and a node whose
/// insert fails leaves that agency alone. Without <c>Smtp:Host</c>/<c>Smtp:From</c> the service does nothing.
/// </summary>
public sealed class DeadlineReminderService(
    IServiceScopeFactory scopes, PlatformClock clock, DeadlineReminderOptions options, ILogger<DeadlineReminderService> logger)
    : Operations.LeasedBackgroundService(scopes, clock, logger)
{
    public const string AuditAction = "request.reminder.email";

    /// <summary>Roles whose holders handle requests and receive the reminder (supervisor-only accounts do not).</summary>
    public static IReadOnlyList<string> RecipientRoles { get; } = [StaffRole.AgencyAdmin, StaffRole.Editor, StaffRole.Reviewer];

    private static readonly string NodeName = $"{Environment.MachineName}/{Environment.ProcessId}";

    public override string LeaseName => "deadline-reminders";

    public override TimeSpan Interval => options.CheckInterval;

    protected override bool Enabled => options.Enabled;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("未配置 Smtp:Host 和 Smtp:From：不发送期限提醒邮件（后台工作台仍显示期限提醒）。");
        }
        return base.ExecuteAsync(stoppingToken);
    }

    protected override Task WorkAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>Sends today's reminders that no node has sent yet. Safe to call any number of times, from any number of nodes.</summary>
    public async Task<ReminderRun> RunOnceAsync(CancellationToken ct = default)
    {
        var now = Instant.FromDateTimeUtc(Clock.UtcNow).InZone(PlatformClock.Zone).LocalDateTime;
        var today = now.Date.ToDateOnly();
        var results = new Dictionary<int, ReminderOutcome>();
        if (options.Smtp is not { } smtp)
        {
            return new ReminderRun(today, "未配置 SMTP", results);
        }
        if (now.TimeOfDay < options.SendAfter)
        {
            return new ReminderRun(today, $"未到发送时间 {options.SendAfter:HH:mm}", results);
        }
        List<AgencyDeadlineCount> due;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            // Runs for every agency with no one signed in: outside the agency scope, by name.
            using var unrestricted = scope.ServiceProvider.GetRequiredService<AgencyScope>().Unrestricted(ScopeOptOut.BackgroundJob);
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingDayCalendarProvider>().CurrentAsync(ct);
            if (!calendar.Covers(now.Year))
            {
                logger.LogWarning("工作日历尚未收录{Year}年：不发送期限提醒邮件，请录入该年度节假日安排。", now.Year);
                return new ReminderRun(today, "工作日历未收录本年度", results);
            }
            if (!calendar.IsWorkingDay(now.Date))
            {
                return new ReminderRun(today, "非工作日", results);
            }
            DeadlineCounts all;
            try
            {
                all = await scope.ServiceProvider.GetRequiredService<RequestQueries>().DeadlineCountsAsync(StaffContext.System(), null, ct);
            }
            catch (CalendarNotCoveredException ex)
            {
                logger.LogWarning("工作日历尚未收录{Year}年：不发送期限提醒邮件，请录入该年度节假日安排。", ex.Year);
                return new ReminderRun(today, "工作日历未收录下一年度", results);
            }
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var claimed = await db.DeadlineReminders.AsNoTracking().Where(r => r.Date == today).Select(r => r.AgencyId).ToListAsync(ct);
            foreach (var id in claimed)
            {
                results[id] = ReminderOutcome.AlreadyClaimed;
            }
            due = [.. all.ByAgency.Where(c => c.Overdue + c.DueSoon > 0 && !claimed.Contains(c.AgencyId))];
        }
        foreach (var agency in due)
        {
            results[agency.AgencyId] = await SendForAgencyAsync(smtp, agency.AgencyId, today, ct);
        }
        return new ReminderRun(today, null, results);
    }

    private async Task<ReminderOutcome> SendForAgencyAsync(SmtpSettings smtp, int agencyId, DateOnly today, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GongkaiDbContext>();
        using var unrestricted = db.AgencyScope.Unrestricted(ScopeOptOut.BackgroundJob);
        var system = StaffContext.System(agencyId);
        // The dashboard query itself: the e-mail lists exactly what 期限预警 shows for this agency.
        var dashboard = await sp.GetRequiredService<RequestQueries>().DeadlinesAsync(system, agencyId, ct);
        var counts = dashboard.ByAgency.SingleOrDefault(c => c.AgencyId == agencyId);
        if (counts is null || counts.Overdue + counts.DueSoon == 0)
        {
            return ReminderOutcome.AlreadyClaimed;
        }
        var recipients = await RecipientsAsync(db, agencyId, ct);
        var claim = new DeadlineReminderRecord
        {
            AgencyId = agencyId,
            Date = today,
            ClaimedAt = Clock.UtcNow,
            ClaimedBy = NodeName,
            Recipients = recipients.Count,
            Overdue = counts.Overdue,
            DueSoon = counts.DueSoon,
        };
        db.DeadlineReminders.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.DeadlineReminders.AnyAsync(r => r.AgencyId == agencyId && r.Date == today, ct))
            {
                return ReminderOutcome.AlreadyClaimed;
            }
            throw;
        }

        var audit = sp.GetRequiredService<AuditLog>();
        var entityId = $"{agencyId}/{today:yyyy-MM-dd}";
        if (recipients.Count == 0)
        {
            logger.LogWarning("单位 {AgencyId} 有逾期或即将到期的申请，但没有填写电子邮箱的经办人员：未发送提醒邮件。", agencyId);
            audit.Record(system, "request.reminder.norecipient", "DeadlineReminder", entityId,
                $"已逾期{counts.Overdue}件，5个工作日内到期{counts.DueSoon}件；本单位经办人员均未填写电子邮箱，未发送。", agencyId);
            await db.SaveChangesAsync(ct);
            return ReminderOutcome.NoRecipients;
        }

        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(ct);
        var calendar = await sp.GetRequiredService<WorkingDayCalendarProvider>().CurrentAsync(ct);
        var mail = DeadlineReminderMail.Compose(agencyName, dashboard, counts, calendar, options.SiteBaseUrl);
        try
        {
            await SendAsync(smtp, recipients, mail, ct);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or SocketException or InvalidOperationException or FormatException)
        {
            logger.LogError(ex, "单位 {AgencyId} 的期限提醒邮件发送失败，稍后重试。", agencyId);
            db.DeadlineReminders.Remove(claim);
            await db.SaveChangesAsync(CancellationToken.None);
            return ReminderOutcome.Failed;
        }
        claim.SentAt = Clock.UtcNow;
        audit.Record(system, AuditAction, "DeadlineReminder", entityId,
            $"期限提醒邮件已发送给{string.Join("、", recipients.Select(r => r.UserName))}：已逾期{counts.Overdue}件，5个工作日内到期{counts.DueSoon}件。", agencyId);
        await db.SaveChangesAsync(CancellationToken.None);
        return ReminderOutcome.Sent;
    }

    private sealed record Recipient(string UserName, string DisplayName, MailAddress Address);

    /// <summary>Unlocked accounts of the agency with a role that handles requests and a valid e-mail address.</summary>
    private static async Task<List<Recipient>> RecipientsAsync(GongkaiDbContext db, int agencyId, CancellationToken ct)
    {
        var roleIds = db.Roles.Where(r => RecipientRoles.Contains(r.Name!)).Select(r => r.Id);
        var holders = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.AgencyId == agencyId && u.Email != null && u.Email != "" && holders.Contains(u.Id))
            .OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return [.. users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => MailAddress.TryCreate(u.Email, u.DisplayName, out var address) ? new Recipient(u.UserName ?? "", u.DisplayName, address) : null)
            .OfType<Recipient>()];
    }

    private static Task SendAsync(SmtpSettings smtp, IReadOnlyList<Recipient> recipients, ReminderMail mail, CancellationToken ct) =>
        SmtpSender.SendAsync(smtp, recipients.Select(r => r.Address), mail.Subject, mail.Body, ct);
}
