using System.Security.Cryptography;
using System.Text;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Calendar;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests;

/// <summary>A case in a back-office list: masked applicant only.</summary>
public sealed record RequestRow(long Id, int AgencyId, string AgencyName, string TrackingCode, string NameMasked, ApplicantType ApplicantType,
    SubmissionChannel Channel, RequestState? State, DateOnly? ReceivedOn, DateOnly? DueOn, bool ClockRunning, string? OutcomeKey, DateTime SubmittedAt,
    string? HandlerName = null)
{
    public string StateLabel => State?.Label() ?? "待确认收到";
}

/// <summary>Filters of the case list; <paramref name="HandlerId"/> lists one 承办人's cases ("我的申请").</summary>
public sealed record RequestFilter(int? AgencyId = null, RequestState? State = null, bool UnconfirmedOnly = false, string? Code = null, int Page = 1, int PageSize = 30,
    string? HandlerId = null);

/// <summary>The deadline dashboard: running clocks due within 5 working days or already overdue, and unconfirmed intake.</summary>
public sealed record DeadlineDashboard(DateOnly Today, DateOnly SoonLimit, int CarriedOverIntoThisYear, IReadOnlyList<RequestRow> Overdue, IReadOnlyList<RequestRow> DueSoon,
    IReadOnlyList<RequestRow> Unconfirmed, IReadOnlyList<RequestRow> NoDueDate, IReadOnlyList<AgencyDeadlineCount> ByAgency,
    IReadOnlyList<RequestRow> ApplicantPeriodLapsed);

public sealed record AgencyDeadlineCount(int AgencyId, string AgencyName, int Running, int DueSoon, int Overdue);

/// <summary>The dashboard's figures without its lists (staff home, reminder scheduling). Unconfirmed counts up to 200, as listed.</summary>
public sealed record DeadlineCounts(DateOnly SoonLimit, IReadOnlyList<AgencyDeadlineCount> ByAgency, int Unconfirmed);

/// <summary>What the public tracking page shows: status, dates, timeline, letters — no personal data.</summary>
public sealed record TrackingView(RequestRecord Record, string AgencyName, IReadOnlyList<RequestEvent> Timeline, IReadOnlyList<LetterInfo> Letters);

public sealed record LetterInfo(Guid Id, string FileName, string ContentType, DateTime CreatedAt);

/// <summary>A stored file to download: a letter or an attachment.</summary>
public sealed record StoredFile(string FileName, string ContentType, byte[] Data);

/// <summary>How today's due date of a case is computed, step by step; or why it cannot be (no deadline before receipt, a year the calendar lacks).</summary>
public sealed record DeadlineExplanation(DeadlineComputation? Computation, string? Error);

/// <summary>
/// Everything the case page shows: the case, its agency, whether the actor may act on it, the deadline explained, the
/// timeline, letters, appeals and attachments.
/// </summary>
public sealed record CaseFile(RequestRecord Record, string AgencyName, bool CanWrite, bool CarriedOver, DeadlineExplanation Deadline,
    string CalendarVersion, IReadOnlyList<RequestEvent> Events, IReadOnlyList<LetterInfo> Letters, IReadOnlyList<RequestAppeal> Appeals,
    IReadOnlyList<(Guid Id, string FileName, long Size)> Attachments);

/// <summary>Counts for the annual report (domain.md §4.3): by applicant type, outcome row and appeal bucket.</summary>
public sealed record AnnualRequestStatistics(
    int Year,
    IReadOnlyDictionary<ApplicantType, int> NewlyReceived,
    IReadOnlyDictionary<ApplicantType, int> CarriedOverFromLastYear,
    IReadOnlyDictionary<(string OutcomeKey, ApplicantType ApplicantType), int> Outcomes,
    IReadOnlyDictionary<ApplicantType, int> CarriedOverToNextYear,
    IReadOnlyDictionary<(AppealKind Kind, AppealResult Result), int> Appeals)
{
    /// <summary>The national format <see cref="Year"/>'s report follows (2019 format up to 2020, 2021 format from 2021).</summary>
    public AnnualReportTemplate Template => AnnualOutcomeRows.TemplateFor(Year);

    /// <summary>
    /// 三、本年度办理结果 as the year's format lays it out, every row with a count per applicant column: for 2019 and 2020 the
    /// three 2021 sub-rows of （六） are summed into the single （六）其他处理 row.
    /// </summary>
    public IReadOnlyList<AnnualOutcomeCount> OutcomeRows =>
    [
        .. AnnualOutcomeRows.For(Year).Select(row => new AnnualOutcomeCount(row.Label, row.Group,
            ApplicantTypes.All.ToDictionary(t => t, t => row.Outcomes.Sum(o => Outcomes.GetValueOrDefault((o.Key, t)))))),
    ];
}

/// <summary>One outcome row of the year's format with its count per applicant column.</summary>
public sealed record AnnualOutcomeCount(string Label, OutcomeGroup Group, IReadOnlyDictionary<ApplicantType, int> Counts);

public sealed class RequestQueries(GongkaiDbContext db, AgencyAccess access, PlatformClock clock, WorkingDayCalendarProvider calendars, RequestCaseStore store)
{
    /// <summary>"Due soon" on the dashboard: within this many working days (issue 3).</summary>
    public const int DueSoonWorkingDays = 5;

    public async Task<Page<RequestRow>> ListAsync(StaffContext actor, RequestFilter filter, CancellationToken ct = default)
    {
        var q = Visible(actor);
        if (filter.AgencyId is { } agencyId)
        {
            q = q.Where(r => r.AgencyId == agencyId);
        }
        if (filter.UnconfirmedOnly)
        {
            q = q.Where(r => r.State == null);
        }
        else if (filter.State is { } state)
        {
            q = q.Where(r => r.State == state);
        }
        if (!string.IsNullOrWhiteSpace(filter.Code))
        {
            var code = filter.Code.Trim().ToUpperInvariant();
            q = q.Where(r => r.TrackingCode.Contains(code));
        }
        if (filter.HandlerId is { } handler)
        {
            q = q.Where(r => r.HandlerId == handler);
        }
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(1, filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await Rows(q.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<RequestRow>(rows, page, size, total);
    }

    public async Task<DeadlineDashboard> DeadlinesAsync(StaffContext actor, int? agencyId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var (q, t, soon) = await DeadlineScopeAsync(actor, agencyId, ct);
        // Cases whose due date can pass (RequestRecord.ClockRunning): processing, decided but not served, or consulting
        // (capped at 15 working days). Cases awaiting a 补正 or payment are listed apart. Partial index on ClockRunning.
        var running = q.Where(r => r.ClockRunning);
        var overdue = await Rows(running.Where(r => r.DueOn < t).OrderBy(r => r.DueOn).Take(200)).ToListAsync(ct);
        var dueSoon = await Rows(running.Where(r => r.DueOn >= t && r.DueOn <= soon).OrderBy(r => r.DueOn).Take(200)).ToListAsync(ct);
        var noDue = await Rows(running.Where(r => r.DueOn == null).Take(50)).ToListAsync(ct);
        var unconfirmed = await Rows(q.Where(r => r.State == null).OrderBy(r => r.SubmittedAt).Take(200)).ToListAsync(ct);
        // The 补正 or payment period has passed with nothing from the applicant: the agency may now close the case.
        var lapsed = await Rows(q.Where(r => r.ApplicantDueOn < t).OrderBy(r => r.ApplicantDueOn).Take(200)).ToListAsync(ct);
        var byAgency = await ByAgencyAsync(running, t, soon, ct);
        // 上年结转 for this year's report (received earlier, still open on 1 January).
        var yearStart = new DateOnly(today.Year, 1, 1);
        // Two counts rather than one OR: each is a range of the (AgencyId, FinishedOn, ReceivedYear) index per agency; the
        // OR made both databases scan every earlier-year case instead.
        var carried = await q.CountAsync(r => r.FinishedOn == null && r.ReceivedYear < today.Year, ct)
            + await q.CountAsync(r => r.FinishedOn >= yearStart && r.ReceivedYear < today.Year, ct);
        return new DeadlineDashboard(t, soon, carried, overdue, dueSoon, unconfirmed, noDue, byAgency, lapsed);
    }

    /// <summary>The figures of <see cref="DeadlinesAsync"/> alone: two queries instead of ten.</summary>
    public async Task<DeadlineCounts> DeadlineCountsAsync(StaffContext actor, int? agencyId, CancellationToken ct = default)
    {
        var (q, t, soon) = await DeadlineScopeAsync(actor, agencyId, ct);
        var byAgency = await ByAgencyAsync(q.Where(r => r.ClockRunning), t, soon, ct);
        var unconfirmed = await q.Where(r => r.State == null).Take(200).CountAsync(ct);
        return new DeadlineCounts(soon, byAgency, unconfirmed);
    }

    /// <summary>The visible cases (of one agency if given), today and the last day of "due soon".</summary>
    private async Task<(IQueryable<RequestRecord> Cases, DateOnly Today, DateOnly SoonLimit)> DeadlineScopeAsync(StaffContext actor, int? agencyId, CancellationToken ct)
    {
        var today = clock.Today;
        var calendar = await calendars.CurrentAsync(ct);
        var q = Visible(actor);
        if (agencyId is { } a)
        {
            q = q.Where(r => r.AgencyId == a);
        }
        return (q, today.ToDateOnly(), calendar.AddWorkingDays(today, DueSoonWorkingDays).ToDateOnly());
    }

    private async Task<List<AgencyDeadlineCount>> ByAgencyAsync(IQueryable<RequestRecord> running, DateOnly t, DateOnly soon, CancellationToken ct)
    {
        var counts = await running.GroupBy(r => r.AgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Running = g.Count(),
                DueSoon = g.Count(r => r.DueOn >= t && r.DueOn <= soon),
                Overdue = g.Count(r => r.DueOn < t),
            }).ToListAsync(ct);
        var ids = counts.Select(c => c.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return counts.Select(c => new AgencyDeadlineCount(c.AgencyId, names.GetValueOrDefault(c.AgencyId, ""), c.Running, c.DueSoon, c.Overdue))
            .OrderByDescending(c => c.Overdue).ThenByDescending(c => c.DueSoon).ThenBy(c => c.AgencyName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// 上年结转: cases received before <paramref name="year"/> and not finished (answered or closed) by 31 December of the
    /// previous year — counted under 二、上年结转政府信息公开申请数量 of <paramref name="year"/>'s report.
    /// </summary>
    public IQueryable<RequestRecord> CarriedOverInto(int year, int agencyId)
    {
        var yearStart = new DateOnly(year, 1, 1);
        return db.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId && r.ReceivedYear < year && (r.FinishedOn == null || r.FinishedOn >= yearStart));
    }

    /// <summary>
    /// Section 三 and 四 figures of <paramref name="year"/>'s annual report for one agency, by applicant column. A case counts in
    /// 三 in the year it was finished (answered or closed), so 一 + 二 = （七）总计 + 四 holds by construction.
    /// </summary>
    public async Task<AnnualRequestStatistics> AnnualStatisticsAsync(int agencyId, int year, CancellationToken ct = default)
    {
        InputBounds.RequireYear("year", year, clock.Today);
        return (await Reports.ReportFigures.RequestStatisticsAsync(db, [agencyId], year, ct))[agencyId];
    }

    /// <summary>The case page's contents for a case the actor may read (<see cref="NotFoundException"/> otherwise).</summary>
    public async Task<CaseFile> CaseFileAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        var record = await store.LoadReadableAsync(actor, id, ct);
        var agency = await db.Agencies.Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var calendar = await calendars.CurrentAsync(ct);
        return new CaseFile(record, agency, AgencyAccess.CanWrite(actor, record.AgencyId) && actor.Has(Accounts.Permissions.Permission.RequestsHandle), IsCarriedOver(record, clock.Today.Year),
            Explain(record, calendar), calendar.Version, await EventsAsync(id, ct), await LettersAsync(id, ct), await AppealsAsync(id, ct),
            await AttachmentsAsync(id, ct));
    }

    /// <summary>Today's due date of <paramref name="record"/> explained step by step with the current calendar.</summary>
    public async Task<DeadlineExplanation> ExplainDeadlineAsync(RequestRecord record, CancellationToken ct = default) =>
        Explain(record, await calendars.CurrentAsync(ct));

    private DeadlineExplanation Explain(RequestRecord record, WorkingDayCalendar calendar)
    {
        if (record.State is null)
        {
            // 条例第三十一条: no receipt date yet, so no clock.
            return new DeadlineExplanation(null, null);
        }
        try
        {
            return new DeadlineExplanation(DeadlinePolicy.Compute(RequestCaseMapping.ToDomain(record), calendar, clock.Today), null);
        }
        catch (CalendarNotCoveredException ex)
        {
            return new DeadlineExplanation(null, ex.Message);
        }
        catch (InconsistentCaseException ex)
        {
            return new DeadlineExplanation(null, ex.Message);
        }
    }

    /// <summary>True when the case was received in an earlier year and still open on 1 January of <paramref name="year"/>.</summary>
    public static bool IsCarriedOver(RequestRecord r, int year) =>
        r.ReceivedYear is { } y && y < year && (r.FinishedOn is null || r.FinishedOn >= new DateOnly(year, 1, 1));

    public Task<List<RequestEvent>> EventsAsync(long requestId, CancellationToken ct = default) =>
        db.RequestEvents.AsNoTracking().Where(e => e.RequestId == requestId).OrderBy(e => e.Id).ToListAsync(ct);

    public Task<List<LetterInfo>> LettersAsync(long requestId, CancellationToken ct = default) =>
        db.RequestLetters.AsNoTracking().Where(l => l.RequestId == requestId).OrderByDescending(l => l.CreatedAt)
            .Select(l => new LetterInfo(l.Id, l.FileName, l.ContentType, l.CreatedAt)).ToListAsync(ct);

    public Task<List<RequestAppeal>> AppealsAsync(long requestId, CancellationToken ct = default) =>
        db.RequestAppeals.AsNoTracking().Where(a => a.RequestId == requestId).OrderBy(a => a.FiledOn).ThenBy(a => a.Id).ToListAsync(ct);

    public async Task<List<(Guid Id, string FileName, long Size)>> AttachmentsAsync(long requestId, CancellationToken ct = default)
    {
        var rows = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == requestId)
            .Select(a => new { a.Id, a.FileName, a.Size }).ToListAsync(ct);
        return [.. rows.Select(a => (a.Id, a.FileName, a.Size))];
    }

    /// <summary>Finds a case by tracking code and secret; null for either wrong (no hint which).</summary>
    public async Task<TrackingView?> TrackAsync(string? code, string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }
        var normalized = code.Trim().ToUpperInvariant();
        var record = await db.Requests.AsNoTracking().Include(r => r.Pauses).Include(r => r.Corrections).AsSplitQuery().SingleOrDefaultAsync(r => r.TrackingCode == normalized, ct);
        if (record is null || !TrackingSecrets.Matches(record, secret))
        {
            return null;
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == record.Id && e.Public).OrderBy(e => e.Id).ToListAsync(ct);
        // The applicant sees the letters addressed to them at once and the answer letter once the answer is served (or the
        // case closed) — never the letter to a third party or the 送达回证; of letters regenerated under one name, only the newest.
        var served = record.State is RequestState.Answered or RequestState.ClosedAbandoned;
        var letters = (await LettersAsync(record.Id, ct))
            .Where(l => Letters.CaseLetters.IsForApplicant(l.FileName) && (served || !l.FileName.StartsWith(Letters.CaseLetters.AnswerPrefix, StringComparison.Ordinal)))
            .DistinctBy(l => l.FileName).ToList();
        return new TrackingView(record, agency, events, letters);
    }

    private IQueryable<RequestRecord> Visible(StaffContext actor)
    {
        var readable = access.Readable(actor).Select(a => a.Id);
        return db.Requests.AsNoTracking().Where(r => readable.Contains(r.AgencyId));
    }

    private IQueryable<RequestRow> Rows(IQueryable<RequestRecord> q) =>
        q.Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new RequestRow(r.Id, r.AgencyId, a.Name, r.TrackingCode, r.NameMasked, r.ApplicantType,
            r.Channel, r.State, r.ReceivedOn, r.DueOn, r.ClockRunning, r.OutcomeKey, r.SubmittedAt, r.HandlerName));
}
