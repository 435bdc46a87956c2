using NodaTime;

namespace Gongkai.Domain.Calendar;

/// <summary>An inclusive range of calendar years, e.g. the years a holiday data set covers.</summary>
public readonly record struct YearRange(int First, int Last)
{
    public bool Contains(int year) => year >= First && year <= Last;

    public override string ToString() => $"{First}–{Last}";
}

/// <summary>
/// A date was asked about in a year the calendar has no holiday data for. Deadlines are never computed by guessing
/// that such a year has no holidays: a wrong due date on a case is worse than no due date.
/// </summary>
public sealed class CalendarNotCoveredException(int year, YearRange covered)
    : Exception($"工作日历没有{year}年的节假日安排数据（已收录{covered.First}年至{covered.Last}年），无法计算工作日。请先导入该年度国务院办公厅节假日安排通知。")
{
    public int Year { get; } = year;
    public YearRange Covered { get; } = covered;
}

/// <summary>
/// An immutable working-day calendar: Monday to Friday are working days, except the listed rest days
/// (official holidays), and weekend days listed as make-up workdays (调休上班) are working days.
/// </summary>
/// <remarks>
/// Periods follow practice under the 条例: the starting day (e.g. the day of receipt) is not counted,
/// and a period of N working days ends on the N-th working day after it. The 条例 itself does not define
/// 工作日; this reading follows the State Council holiday notices (see docs/glossary.md).
/// Each year is indexed once (a working-day flag, a running count and the list of working dates per day of year),
/// so IsWorkingDay, CountWorkingDays and AddWorkingDays cost a few array reads instead of a day-by-day walk.
/// </remarks>
public sealed class WorkingDayCalendar
{
    // Years NodaTime's ISO calendar supports; unbounded calendars index any of them on first use.
    private const int MinYear = 1;
    private const int MaxYear = 9999;

    private readonly HashSet<LocalDate> _restDays;
    private readonly HashSet<LocalDate> _makeUpWorkdays;
    private readonly YearIndex?[] _years;
    private readonly int _firstIndexedYear;

    /// <summary>An unbounded calendar: any year is answered, with no holidays beyond the listed ones.</summary>
    public WorkingDayCalendar(IEnumerable<LocalDate> restDays, IEnumerable<LocalDate> makeUpWorkdays, string version)
        : this(restDays, makeUpWorkdays, version, null)
    {
    }

    /// <summary>
    /// A calendar that only answers for <paramref name="coveredYears"/> (when given) and throws
    /// <see cref="CalendarNotCoveredException"/> for any other year.
    /// </summary>
    public WorkingDayCalendar(IEnumerable<LocalDate> restDays, IEnumerable<LocalDate> makeUpWorkdays, string version, YearRange? coveredYears)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _restDays = [.. restDays];
        _makeUpWorkdays = [.. makeUpWorkdays];
        foreach (var day in _makeUpWorkdays)
        {
            if (_restDays.Contains(day))
            {
                throw new ArgumentException($"{day:yyyy-MM-dd} 不能同时是放假日和调休上班日。", nameof(makeUpWorkdays));
            }
        }
        Version = version;
        CoveredYears = coveredYears;
        if (coveredYears is { } range)
        {
            if (range.First < MinYear || range.Last > MaxYear || range.First > range.Last)
            {
                throw new ArgumentOutOfRangeException(nameof(coveredYears), "覆盖年份范围无效。");
            }
            _firstIndexedYear = range.First;
            _years = new YearIndex?[range.Last - range.First + 1];
            for (var year = range.First; year <= range.Last; year++)
            {
                _years[year - range.First] = BuildYear(year);
            }
        }
        else
        {
            // Filled lazily; a race only builds the same immutable index twice.
            _firstIndexedYear = MinYear;
            _years = new YearIndex?[MaxYear - MinYear + 1];
        }
    }

    /// <summary>A calendar with no holidays: Monday to Friday only. Unbounded (never throws for lack of data).</summary>
    public static WorkingDayCalendar WeekdaysOnly { get; } = new([], [], "weekdays");

    /// <summary>Identifies the data this calendar was built from, stored with every deadline it computes.</summary>
    public string Version { get; }

    /// <summary>The years this calendar has holiday data for; null for an unbounded calendar.</summary>
    public YearRange? CoveredYears { get; }

    /// <summary>Listed rest days (including any outside <see cref="CoveredYears"/>), in date order.</summary>
    public IReadOnlyList<LocalDate> RestDays => [.. _restDays.Order()];

    /// <summary>Listed make-up workdays (调休上班), in date order.</summary>
    public IReadOnlyList<LocalDate> MakeUpWorkdays => [.. _makeUpWorkdays.Order()];

    /// <summary>True when the calendar can answer for <paramref name="year"/>.</summary>
    public bool Covers(int year) => CoveredYears is not { } range || range.Contains(year);

    public bool IsWorkingDay(LocalDate date) => Year(date.Year).IsWorking[date.DayOfYear - 1];

    /// <summary>
    /// The N-th working day after <paramref name="start"/>; <paramref name="start"/> itself is never counted.
    /// With N = 0 the result is <paramref name="start"/>.
    /// </summary>
    public LocalDate AddWorkingDays(LocalDate start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return start;
        }
        var (year, dayIndex) = EndOf(start);
        var index = Year(year);
        var alreadyCounted = index.WorkingBefore[dayIndex];
        var remaining = workingDays;
        while (true)
        {
            var available = index.WorkingDates.Length - alreadyCounted;
            if (remaining <= available)
            {
                return index.WorkingDates[alreadyCounted + remaining - 1];
            }
            remaining -= available;
            alreadyCounted = 0;
            index = Year(++year);
        }
    }

    /// <summary>Working days in the half-open range (<paramref name="after"/>, <paramref name="through"/>]; 0 if empty.</summary>
    public int CountWorkingDays(LocalDate after, LocalDate through)
    {
        if (through <= after)
        {
            return 0;
        }
        var (fromYear, fromIndex) = EndOf(after);
        // Through a day inclusive: that year's first DayOfYear days. Not EndOf, which would map 31 December to the next
        // year and demand its holidays for a period that ends within the last covered year.
        var (toYear, toIndex) = (through.Year, through.DayOfYear);
        if (fromYear == toYear)
        {
            var index = Year(fromYear);
            return index.WorkingBefore[toIndex] - index.WorkingBefore[fromIndex];
        }
        var first = Year(fromYear);
        var count = first.WorkingDates.Length - first.WorkingBefore[fromIndex];
        for (var year = fromYear + 1; year < toYear; year++)
        {
            count += Year(year).WorkingDates.Length;
        }
        return count + Year(toYear).WorkingBefore[toIndex];
    }

    /// <summary>
    /// The position just after <paramref name="date"/>: (year, number of that year's days already passed).
    /// The last day of a year maps to (year + 1, 0), so a period starting on 12-31 never needs the old year's data.
    /// </summary>
    private static (int Year, int DaysPassed) EndOf(LocalDate date)
    {
        var daysInYear = CalendarSystem.Iso.GetDaysInYear(date.Year);
        return date.DayOfYear == daysInYear ? (date.Year + 1, 0) : (date.Year, date.DayOfYear);
    }

    private YearIndex Year(int year)
    {
        if (CoveredYears is { } range && !range.Contains(year))
        {
            throw new CalendarNotCoveredException(year, range);
        }
        var slot = year - _firstIndexedYear;
        if ((uint)slot >= (uint)_years.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"年份 {year} 超出日历支持的范围。");
        }
        return _years[slot] ??= BuildYear(year);
    }

    private YearIndex BuildYear(int year)
    {
        var days = CalendarSystem.Iso.GetDaysInYear(year);
        var isWorking = new bool[days];
        var workingBefore = new int[days + 1];
        var workingDates = new List<LocalDate>(262);
        var date = new LocalDate(year, 1, 1);
        for (var i = 0; i < days; i++, date = date.PlusDays(1))
        {
            var working = _makeUpWorkdays.Contains(date)
                || (!_restDays.Contains(date) && date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));
            isWorking[i] = working;
            workingBefore[i + 1] = workingBefore[i] + (working ? 1 : 0);
            if (working)
            {
                workingDates.Add(date);
            }
        }
        return new YearIndex(isWorking, workingBefore, [.. workingDates]);
    }

    /// <param name="IsWorking">By day of year − 1.</param>
    /// <param name="WorkingBefore">[i] = working days among the year's first i days.</param>
    /// <param name="WorkingDates">The year's working days in order.</param>
    private sealed record YearIndex(bool[] IsWorking, int[] WorkingBefore, LocalDate[] WorkingDates);
}
