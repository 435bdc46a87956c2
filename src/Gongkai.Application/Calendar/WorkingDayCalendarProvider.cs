using System.Security.Cryptography;
using System.Text;
using Gongkai.Application.Data;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Gongkai.Application.Calendar;

/// <summary>
/// The working-day calendar in force: the State Council holiday notices shipped with the domain
/// (<see cref="OfficialHolidays"/>) with the platform admin's overrides from the database laid over them.
/// Overrides may also declare a year the shipped data does not cover yet (a new year's notice): such a year is
/// covered once it has overrides, as long as the covered years stay contiguous.
/// </summary>
public class WorkingDayCalendarProvider
{
    private readonly IServiceScopeFactory? _scopes;
    private volatile CachedCalendar? _cached;

    /// <summary>The shipped official calendar only (no database), e.g. for tools and tests.</summary>
    public WorkingDayCalendarProvider()
    {
    }

    public WorkingDayCalendarProvider(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    /// <summary>The calendar now in force. The override table is tiny; the built calendar is reused while it is unchanged.</summary>
    public virtual async Task<WorkingDayCalendar> CurrentAsync(CancellationToken ct = default)
    {
        if (_scopes is null)
        {
            return OfficialHolidays.Calendar;
        }
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var rows = await db.CalendarOverrides.AsNoTracking().Where(o => o.RemovedAt == null)
            .Select(o => new { o.Date, o.Kind, o.Source }).ToListAsync(ct);
        return Cached(rows.Select(r => new CalendarOverride(LocalDate.FromDateOnly(r.Date), r.Kind, r.Source)).ToList());
    }

    /// <summary>The calendar that was in force at <paramref name="at"/> (UTC): reproduces a deadline stored with an older version.</summary>
    public virtual async Task<WorkingDayCalendar> AsOfAsync(DateTime at, CancellationToken ct = default)
    {
        if (_scopes is null)
        {
            return OfficialHolidays.Calendar;
        }
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var rows = await db.CalendarOverrides.AsNoTracking().Where(o => o.ChangedAt <= at && (o.RemovedAt == null || o.RemovedAt > at))
            .Select(o => new { o.Date, o.Kind, o.Source }).ToListAsync(ct);
        return Build(rows.Select(r => new CalendarOverride(LocalDate.FromDateOnly(r.Date), r.Kind, r.Source)).ToList());
    }

    private WorkingDayCalendar Cached(List<CalendarOverride> overrides)
    {
        var key = Canonical(overrides);
        var cached = _cached;
        if (cached is not null && cached.Key == key)
        {
            return cached.Calendar;
        }
        var calendar = Build(overrides);
        _cached = new CachedCalendar(key, calendar);
        return calendar;
    }

    /// <summary>
    /// Official data plus <paramref name="overrides"/>. Within the shipped years this is exactly
    /// <see cref="OfficialHolidays.BuildCalendar"/>; later years listed in overrides extend the covered range.
    /// </summary>
    public static WorkingDayCalendar Build(IReadOnlyCollection<CalendarOverride> overrides)
    {
        var official = OfficialHolidays.CoveredYears;
        if (overrides.All(o => official.Contains(o.Date.Year)))
        {
            return OfficialHolidays.BuildCalendar(overrides);
        }
        if (overrides.Any(o => o.Date.Year < official.First))
        {
            throw new ArgumentException($"不能调整{official.First}年以前的日历。", nameof(overrides));
        }
        var last = overrides.Max(o => o.Date.Year);
        for (var year = official.Last + 1; year <= last; year++)
        {
            if (!overrides.Any(o => o.Date.Year == year))
            {
                throw new ArgumentException($"{year}年没有任何节假日安排数据：请先录入该年度通知，年份必须连续。", nameof(overrides));
            }
        }
        var kinds = OfficialHolidays.Days.ToDictionary(d => d.Date, d => d.Kind);
        foreach (var o in overrides)
        {
            if (string.IsNullOrWhiteSpace(o.Source))
            {
                throw new ArgumentException($"日期 {Iso(o.Date)} 必须注明依据文件。", nameof(overrides));
            }
            kinds[o.Date] = o.Kind;
        }
        return new WorkingDayCalendar(
            kinds.Where(k => k.Value == CalendarDayKind.Rest).Select(k => k.Key),
            kinds.Where(k => k.Value == CalendarDayKind.Workday).Select(k => k.Key),
            $"{OfficialHolidays.DataVersion}+local-{Hash(Canonical(overrides))}",
            new YearRange(official.First, last));
    }

    // Same canonical form and hash as OfficialHolidays.BuildCalendar, so versions agree whichever path built the calendar.
    private static string Canonical(IEnumerable<CalendarOverride> overrides) =>
        string.Join('\n', overrides.OrderBy(o => o.Date).Select(o => $"{Iso(o.Date)}|{o.Kind}|{o.Source}"));

    private static string Hash(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..12];

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private sealed record CachedCalendar(string Key, WorkingDayCalendar Calendar);
}
