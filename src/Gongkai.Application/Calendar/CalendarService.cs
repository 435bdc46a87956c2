using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Gongkai.Application.Calendar;

/// <summary>
/// Platform-admin changes to the working-day calendar (a new year's 节假日安排通知, a mid-year amendment, a local
/// extension). Each change is audited; rows are ended rather than deleted so older calendar versions stay reproducible.
/// </summary>
public sealed class CalendarService(GongkaiDbContext db, AuditLog audit, PlatformClock clock, RequestCaseStore requests)
{
    public Task<List<CalendarOverrideRow>> ListAsync(bool includeRemoved, CancellationToken ct = default) =>
        db.CalendarOverrides.AsNoTracking().Where(o => includeRemoved || o.RemovedAt == null)
            .OrderBy(o => o.Date).ThenBy(o => o.Id).ToListAsync(ct);

    public async Task<CalendarOverrideRow> AddAsync(StaffContext actor, DateOnly? date, CalendarDayKind kind, string? source, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var errors = new ValidationErrors();
        if (date is null)
        {
            errors.Add("Date", "请填写日期。");
        }
        if (!Enum.IsDefined(kind))
        {
            errors.Add("Kind", "请选择放假或上班。");
        }
        errors.ThrowIfAny();
        return (await AddManyAsync(actor, [(date!.Value, kind)], source, ct))[0];
    }

    /// <summary>
    /// A whole notice at once, e.g. the State Council's 节假日安排通知 for a new year, written one line per day or range:
    /// <c>2027-02-10至2027-02-16 放假</c>, <c>2027-02-07 上班</c>. All lines are checked first and saved together, so a year
    /// never counts as covered with half its holidays entered; open deadlines are recomputed once.
    /// </summary>
    public async Task<List<CalendarOverrideRow>> AddNoticeAsync(StaffContext actor, string? text, string? source, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        return await AddManyAsync(actor, CalendarNoticeText.Parse(text), source, ct);
    }

    private async Task<List<CalendarOverrideRow>> AddManyAsync(StaffContext actor, IReadOnlyList<(DateOnly Date, CalendarDayKind Kind)> days,
        string? source, CancellationToken ct)
    {
        RequireAdmin(actor);
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ValidationException("Source", "请注明依据文件（如国务院办公厅通知的文号或省级文件）。");
        }
        var dates = days.Select(d => d.Date).ToList();
        var taken = await db.CalendarOverrides.Where(o => o.RemovedAt == null && dates.Contains(o.Date)).Select(o => o.Date).ToListAsync(ct);
        if (taken.Count > 0)
        {
            throw new ValidationException("Date", $"{string.Join("、", taken.Order().Select(d => d.ToString("yyyy-MM-dd")))} 已有调整记录，请先撤销原记录。");
        }
        var active = await db.CalendarOverrides.AsNoTracking().Where(o => o.RemovedAt == null)
            .Select(o => new { o.Date, o.Kind, o.Source }).ToListAsync(ct);
        var overrides = active.Select(o => new CalendarOverride(LocalDate.FromDateOnly(o.Date), o.Kind, o.Source)).ToList();
        overrides.AddRange(days.Select(d => new CalendarOverride(LocalDate.FromDateOnly(d.Date), d.Kind, source.Trim())));
        WorkingDayCalendar built;
        try
        {
            built = WorkingDayCalendarProvider.Build(overrides);
        }
        catch (ArgumentException ex)
        {
            throw new ValidationException("Date", ex.Message.Split(" (Parameter")[0]);
        }
        var rows = days.Select(d => new CalendarOverrideRow
        {
            Date = d.Date,
            Kind = d.Kind,
            Source = source.Trim(),
            ChangedAt = clock.UtcNow,
            ChangedByName = actor.UserName,
        }).ToList();
        foreach (var row in rows)
        {
            db.CalendarOverrides.Add(row);
            audit.Record(actor, "calendar.override.add", "CalendarOverride", row.Date.ToString("yyyy-MM-dd"),
                $"{row.Date:yyyy-MM-dd} 设为{(row.Kind == CalendarDayKind.Rest ? "放假" : "上班")}；依据：{row.Source}；新日历版本：{built.Version}");
        }
        await db.SaveChangesAsync(ct);
        await requests.RecomputeOpenDeadlinesAsync(ct);
        return rows;
    }

    public async Task RemoveAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var row = await db.CalendarOverrides.SingleOrDefaultAsync(o => o.Id == id && o.RemovedAt == null, ct)
            ?? throw new NotFoundException("找不到该日历调整记录。");
        var remaining = await db.CalendarOverrides.AsNoTracking().Where(o => o.RemovedAt == null && o.Id != id)
            .Select(o => new { o.Date, o.Kind, o.Source }).ToListAsync(ct);
        try
        {
            WorkingDayCalendarProvider.Build(remaining.Select(o => new CalendarOverride(LocalDate.FromDateOnly(o.Date), o.Kind, o.Source)).ToList());
        }
        catch (ArgumentException ex)
        {
            throw new ValidationException("Date", ex.Message.Split(" (Parameter")[0]);
        }
        row.RemovedAt = clock.UtcNow;
        row.RemovedByName = actor.UserName;
        audit.Record(actor, "calendar.override.remove", "CalendarOverride", row.Date.ToString("yyyy-MM-dd"),
            $"撤销 {row.Date:yyyy-MM-dd}（{(row.Kind == CalendarDayKind.Rest ? "放假" : "上班")}，依据：{row.Source}）");
        await db.SaveChangesAsync(ct);
        await requests.RecomputeOpenDeadlinesAsync(ct);
    }

    private static void RequireAdmin(StaffContext actor)
    {
        if (!actor.IsPlatformAdmin)
        {
            throw new ForbiddenException("只有平台管理员可以调整工作日历。");
        }
    }
}
