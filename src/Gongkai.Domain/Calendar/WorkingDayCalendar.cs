using NodaTime;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// An immutable working-day calendar: Monday to Friday are working days, except the listed rest days
/// (official holidays), and weekend days listed as make-up workdays (调休上班) are working days.
/// </summary>
/// <remarks>
/// Periods follow practice under the 条例: the starting day (e.g. the day of receipt) is not counted,
/// and a period of N working days ends on the N-th working day after it. The 条例 itself does not define
/// 工作日; this reading follows the State Council holiday notices (see docs/glossary.md).
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<LocalDate> _restDays;
    private readonly HashSet<LocalDate> _makeUpWorkdays;

    public WorkingDayCalendar(IEnumerable<LocalDate> restDays, IEnumerable<LocalDate> makeUpWorkdays, string version)
    {
        _restDays = [.. restDays];
        _makeUpWorkdays = [.. makeUpWorkdays];
        Version = version;
    }

    /// <summary>A calendar with no holidays: Monday to Friday only.</summary>
    public static WorkingDayCalendar WeekdaysOnly { get; } = new([], [], "weekdays");

    /// <summary>Identifies the data this calendar was built from, stored with every deadline it computes.</summary>
    public string Version { get; }

    public bool IsWorkingDay(LocalDate date)
    {
        if (_makeUpWorkdays.Contains(date))
        {
            return true;
        }
        if (_restDays.Contains(date))
        {
            return false;
        }
        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }

    /// <summary>
    /// The N-th working day after <paramref name="start"/>; <paramref name="start"/> itself is never counted.
    /// With N = 0 the result is <paramref name="start"/>.
    /// </summary>
    public LocalDate AddWorkingDays(LocalDate start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.PlusDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }
        return date;
    }

    /// <summary>Working days in the half-open range (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public int CountWorkingDays(LocalDate after, LocalDate through)
    {
        var count = 0;
        for (var d = after.PlusDays(1); d <= through; d = d.PlusDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }
        return count;
    }
}
