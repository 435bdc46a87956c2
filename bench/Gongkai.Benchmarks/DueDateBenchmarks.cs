using BenchmarkDotNet.Attributes;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Benchmarks;

/// <summary>
/// Due dates for 1,000,000 application cases (条例第三十三条: 20 working days + extension + excluded consultation days),
/// with the indexed official calendar against a day-by-day baseline (the calendar's original implementation).
/// </summary>
[MemoryDiagnoser]
public class DueDateBenchmarks
{
    public const int Cases = 1_000_000;

    private LocalDate[] _start = [];
    private LocalDate[] _pauseFrom = [];
    private LocalDate[] _pauseTo = [];
    private int[] _extension = [];
    private RequestCase[] _cases = [];
    private WorkingDayCalendar _indexed = null!;
    private NaiveCalendar _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _indexed = OfficialHolidays.Calendar;
        _naive = new NaiveCalendar(
            OfficialHolidays.Days.Where(d => d.Kind == CalendarDayKind.Rest).Select(d => d.Date),
            OfficialHolidays.Days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date));
        var random = new Random(42);
        _start = new LocalDate[Cases];
        _pauseFrom = new LocalDate[Cases];
        _pauseTo = new LocalDate[Cases];
        _extension = new int[Cases];
        var first = new LocalDate(2019, 1, 1);
        for (var i = 0; i < Cases; i++)
        {
            var start = first.PlusDays(random.Next(0, 365 * 6 + 180)); // received 2019-01 … 2025-06
            _start[i] = start;
            // Half the cases consult a third party or another agency for up to four weeks; a third are extended.
            var pauseFrom = start.PlusDays(random.Next(0, 14));
            _pauseFrom[i] = pauseFrom;
            _pauseTo[i] = random.Next(2) == 0 ? pauseFrom : pauseFrom.PlusDays(random.Next(1, 29));
            _extension[i] = random.Next(3) == 0 ? random.Next(1, 21) : 0;
        }
        // The same cases as domain objects, for the policy row: received in person, consulted, extended after the pause.
        _cases = new RequestCase[Cases];
        for (var i = 0; i < Cases; i++)
        {
            var c = RequestCase.Receive(SubmissionChannel.InPerson, new ReceiptFacts(SubmittedOn: _start[i]), ApplicantType.NaturalPerson);
            if (_pauseTo[i] > _pauseFrom[i])
            {
                c = c.StartConsultation(PauseKind.ThirdPartyConsultation, _pauseFrom[i], _indexed).EndConsultation(_pauseTo[i]);
            }
            if (_extension[i] > 0)
            {
                c = c.Extend(c.LastStepOn, _extension[i], "主任", "需要调取档案", _indexed);
            }
            _cases[i] = c;
        }
    }

    /// <summary>
    /// What the application stores per case: <see cref="DeadlinePolicy.Compute"/> with the 15-day consultation cap and the
    /// Chinese explanation steps the case page shows (string building included).
    /// </summary>
    [Benchmark(Description = "DeadlinePolicy.Compute (with explanation)")]
    public long PolicyDueDates()
    {
        long checksum = 0;
        for (var i = 0; i < Cases; i++)
        {
            var c = _cases[i];
            checksum += DeadlinePolicy.Compute(c, _indexed, c.LastStepOn).DueOn!.Value.DayOfYear;
        }
        return checksum;
    }

    /// <summary>The same without the explanation: what the application runs when it stores or recomputes due dates.</summary>
    [Benchmark(Description = "DeadlinePolicy.Compute (due date only)")]
    public long PolicyDueDatesOnly()
    {
        long checksum = 0;
        for (var i = 0; i < Cases; i++)
        {
            var c = _cases[i];
            checksum += DeadlinePolicy.Compute(c, _indexed, c.LastStepOn, explain: false).DueOn!.Value.DayOfYear;
        }
        return checksum;
    }

    [Benchmark(Baseline = true, Description = "day-by-day (original)")]
    public long NaiveDueDates()
    {
        long checksum = 0;
        for (var i = 0; i < Cases; i++)
        {
            var paused = _naive.CountWorkingDays(_pauseFrom[i], _pauseTo[i]);
            checksum += _naive.AddWorkingDays(_start[i], 20 + _extension[i] + paused).DayOfYear;
        }
        return checksum;
    }

    [Benchmark(Description = "indexed WorkingDayCalendar")]
    public long IndexedDueDates()
    {
        long checksum = 0;
        for (var i = 0; i < Cases; i++)
        {
            var paused = _indexed.CountWorkingDays(_pauseFrom[i], _pauseTo[i]);
            checksum += _indexed.AddWorkingDays(_start[i], 20 + _extension[i] + paused).DayOfYear;
        }
        return checksum;
    }
}

/// <summary>The WorkingDayCalendar as first written: hash-set lookups, one day at a time.</summary>
public sealed class NaiveCalendar(IEnumerable<LocalDate> restDays, IEnumerable<LocalDate> makeUpWorkdays)
{
    private readonly HashSet<LocalDate> _restDays = [.. restDays];
    private readonly HashSet<LocalDate> _makeUpWorkdays = [.. makeUpWorkdays];

    public bool IsWorkingDay(LocalDate date) =>
        _makeUpWorkdays.Contains(date)
        || (!_restDays.Contains(date) && date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));

    public LocalDate AddWorkingDays(LocalDate start, int workingDays)
    {
        var date = start;
        while (workingDays > 0)
        {
            date = date.PlusDays(1);
            if (IsWorkingDay(date))
            {
                workingDays--;
            }
        }
        return date;
    }

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
