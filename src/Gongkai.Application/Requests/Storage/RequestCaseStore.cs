using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Gongkai.Application.Requests.Storage.RequestCaseMapping;

namespace Gongkai.Application.Requests.Storage;

/// <summary>
/// Loads cases the actor may see, runs one domain step on a stored case and writes the result, a timeline event and an
/// audit entry in one SaveChanges — a refused step saves nothing. Shared by the steps, fees, appeals and intake.
/// </summary>
public sealed class RequestCaseStore(
    GongkaiDbContext db, AgencyAccess access, AuditLog audit, PlatformClock clock, WorkingDayCalendarProvider calendars,
    Notifications.ApplicantNotifier notifier)
{
    public const string NotFoundMessage = "找不到该申请，或您无权查看。";

    public async Task<RequestRecord> LoadReadableAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        // One round trip: a case has at most two 补正 and a handful of pauses, so the joined rows stay few.
        var record = await WithSteps().SingleOrDefaultAsync(r => r.Id == id, ct);
        // One answer for a case that does not exist and one the actor may not see: ids of other agencies' cases stay hidden.
        if (record is null || !await access.CanReadAsync(actor, record.AgencyId, ct))
        {
            throw new NotFoundException(NotFoundMessage);
        }
        return Sorted(record);
    }

    public async Task<RequestRecord> LoadWritableAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        var record = await LoadReadableAsync(actor, id, ct);
        await access.EnsureWritableAsync(actor, record.AgencyId, ct);
        RequireHandler(actor);
        return record;
    }

    /// <summary>Registering, every step of a case and its letters: a supervisor (政务公开办) reads cases but does not handle them.</summary>
    public static void RequireHandler(StaffContext actor) => actor.Require(Permission.RequestsHandle, "您的角色不能登记或办理依申请公开。");

    /// <summary>The case with this tracking code (any agency: the caller checks the secret), or null.</summary>
    public async Task<RequestRecord?> FindByTrackingCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var record = await WithSteps().SingleOrDefaultAsync(r => r.TrackingCode == normalized, ct);
        return record is null ? null : Sorted(record);
    }

    /// <summary>One step on the case <paramref name="id"/>, which the actor must be allowed to change.</summary>
    public async Task<RequestRecord> StepAsync(StaffContext actor, long id, string action, DateOnly? on,
        Func<RequestCase, WorkingDayCalendar, LocalDate, RequestCase> step, Func<RequestCase, LocalDate, string> summary,
        Action<RequestRecord>? extra, CancellationToken ct) =>
        await StepAsync(actor, await LoadWritableAsync(actor, id, ct), action, on, step, summary, extra, ct);

    /// <summary>
    /// One step: rebuild the domain case, let it validate the step, write back. <paramref name="on"/> defaults to today
    /// and may not be in the future (the record states what happened, not what is planned). In <paramref name="summary"/>,
    /// "{due}" stands for the new due date.
    /// </summary>
    public async Task<RequestRecord> StepAsync(StaffContext actor, RequestRecord record, string action, DateOnly? on,
        Func<RequestCase, WorkingDayCalendar, LocalDate, RequestCase> step, Func<RequestCase, LocalDate, string> summary,
        Action<RequestRecord>? extra, CancellationToken ct)
    {
        if (record.State is null)
        {
            throw new ValidationException("State", "该申请尚未确认收到，请先确认收到申请（条例第三十一条）。");
        }
        var today = clock.Today;
        InputBounds.RequireDate("On", on, today);
        var date = Local(on) ?? today;
        if (date > today)
        {
            throw new ValidationException("On", "办理日期不能晚于今天。");
        }
        var calendar = await calendars.CurrentAsync(ct);
        RequestCase next;
        try
        {
            next = step(ToDomain(record), calendar, date);
        }
        catch (RequestWorkflowException ex)
        {
            throw new ValidationException("Step", ex.Message);
        }
        catch (InconsistentCaseException ex)
        {
            throw new ValidationException("State", ex.Message);
        }
        catch (CalendarNotCoveredException ex)
        {
            throw new ValidationException("Calendar", ex.Message);
        }
        await ApplyAsync(record, next, ct, calendar);
        extra?.Invoke(record);
        var text = summary(next, date).Replace("{due}", record.DueOn?.ToString("yyyy-MM-dd") ?? "（暂不计算）", StringComparison.Ordinal);
        AddEvent(actor, record, action, date, text);
        audit.Record(actor, action, "Request", record.Id, $"{record.TrackingCode} → {next.State.Label()}；{text}", record.AgencyId);
        await SaveAsync(ct);
        await notifier.NotifyAsync(record, action, ct);
        return record;
    }

    /// <summary>Writes the domain case back to the rows, with the due date as of today and the calendar version that computed it.</summary>
    public async Task ApplyAsync(RequestRecord r, RequestCase c, CancellationToken ct, WorkingDayCalendar? calendar = null)
    {
        CopyTo(c, r);
        calendar ??= await calendars.CurrentAsync(ct);
        try
        {
            var deadline = DeadlinePolicy.Compute(c, calendar, clock.Today, explain: false);
            r.DueOn = deadline.DueOn?.ToDateOnly();
            r.ClockRunning = deadline.HasLiveDueDate;
            r.CalendarVersion = deadline.CalendarVersion;
        }
        catch (CalendarNotCoveredException)
        {
            // The due date falls in a year without holiday data: no guessed date; the dashboard lists it as "cannot compute".
            r.DueOn = null;
            r.ClockRunning = c.HasLiveDueDate;
            r.CalendarVersion = calendar.Version;
        }
        r.UpdatedAt = clock.UtcNow;
        r.Version++;
    }

    /// <summary>Saves; a concurrent step on the same case (optimistic <c>Version</c>) is refused with a message, not a 500.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ValidationException("Version", "该申请已被他人办理，请刷新后重试。");
        }
    }

    public void AddEvent(StaffContext actor, RequestRecord record, string action, LocalDate on, string summary, bool isPublic = true) =>
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = record.Id,
            Action = action,
            On = on.ToDateOnly(),
            At = clock.UtcNow,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            Summary = summary,
            Public = isPublic,
        });

    /// <summary>
    /// After a calendar change: recomputes the stored due date of every open case (not answered or closed) with the new
    /// calendar, so the dashboard and lists follow it. Closed cases keep the due date and version they were decided under.
    /// Returns the number of cases whose stored due date changed.
    /// </summary>
    public async Task<int> RecomputeOpenDeadlinesAsync(CancellationToken ct = default)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var today = clock.Today;
        var changed = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await WithSteps()
                .Where(r => r.Id > lastId && r.State != null && r.FinishedOn == null && r.CalendarVersion != calendar.Version)
                .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return changed;
            }
            foreach (var r in batch)
            {
                DateOnly? due;
                try
                {
                    due = DeadlinePolicy.Compute(ToDomain(r), calendar, today, explain: false).DueOn?.ToDateOnly();
                }
                catch (CalendarNotCoveredException)
                {
                    due = null;
                }
                if (due != r.DueOn)
                {
                    // The case's timeline says why its due date moved; the old date and version stay readable there.
                    AddEvent(StaffContext.System(r.AgencyId), r, "request.deadline.recalendar", today,
                        $"工作日历调整（{r.CalendarVersion} → {calendar.Version}）：答复期限由 {r.DueOn?.ToString("yyyy-MM-dd") ?? "无法计算"} 调整为 {due?.ToString("yyyy-MM-dd") ?? "无法计算（日历未收录该年度）"}。");
                    changed++;
                }
                r.DueOn = due;
                r.CalendarVersion = calendar.Version;
            }
            lastId = batch[^1].Id;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private IQueryable<RequestRecord> WithSteps() => db.Requests.Include(r => r.Corrections).Include(r => r.Pauses).AsSingleQuery();

    private static RequestRecord Sorted(RequestRecord record)
    {
        record.Corrections.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        record.Pauses.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return record;
    }
}
