using Gongkai.Domain.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Gongkai.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Official = OfficialHolidays.Calendar;

    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    // Hand-counted against the notices; comments list the counted days.
    [Theory]
    // 2024 春节: 02-06..09 (4), 02-18 make-up Sunday (5), 02-19..23 (10), 02-26..03-01 (15), 03-04..08 (20).
    [InlineData("2024-02-05", 20, "2024-03-08")]
    // 2023 中秋+国庆: 09-26..28 (3), 10-07 and 10-08 make-up weekend (5), 10-09..13 (10), 10-16..20 (15), 10-23..27 (20).
    [InlineData("2023-09-25", 20, "2023-10-27")]
    // 2020 春节 with the COVID extension: 01-21..23 (3), rest through 02-02, 02-03..07 (8), 02-10..14 (13), 02-17..21 (18), 02-24..25 (20).
    [InlineData("2020-01-20", 20, "2020-02-25")]
    // 2025 春节 (starts at 除夕 since the 2025 rules): 01-23..24 (2), 01-26 make-up Sunday (3), 01-27 (4), rest 01-28..02-04,
    // 02-05..07 (7), 02-08 make-up Saturday (8), 02-10..14 (13), 02-17..21 (18), 02-24..25 (20).
    [InlineData("2025-01-22", 20, "2025-02-25")]
    // 补正 notice limit (7 WD) across 2021 国庆: 09-30 (1), rest 10-01..07, 10-08 (2), 10-09 make-up Saturday (3), 10-11..14 (7).
    [InlineData("2021-09-29", 7, "2021-10-14")]
    // A period starting on the last day of a year never needs the previous year's data: 2023-12-29 → 2024-01-02 (1).
    [InlineData("2023-12-29", 1, "2024-01-02")]
    [InlineData("2024-03-08", 0, "2024-03-08")]
    public void AddWorkingDays_AcrossOfficialHolidays_SkipsRestDaysAndCountsMakeUpDays(string start, int days, string expected) =>
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), days));

    [Fact]
    public void CountWorkingDays_AcrossNationalDay2024_ExcludesTheWholeWeek() =>
        // 09-30 (1), 10-08..11 (5), 10-12 make-up Saturday (6).
        Assert.Equal(6, Official.CountWorkingDays(D("2024-09-29"), D("2024-10-12")));

    [Fact]
    public void CountWorkingDays_EmptyOrReversedRange_IsZero()
    {
        Assert.Equal(0, Official.CountWorkingDays(D("2024-03-08"), D("2024-03-08")));
        Assert.Equal(0, Official.CountWorkingDays(D("2024-03-08"), D("2024-03-01")));
    }

    [Theory]
    [InlineData(2019, 250)]
    [InlineData(2024, 251)]
    public void CountWorkingDays_WholeYear_MatchesWeekdaysMinusRestPlusMakeUp(int year, int expected) =>
        Assert.Equal(expected, Official.CountWorkingDays(new LocalDate(year - 1, 12, 31), new LocalDate(year, 12, 31)));

    [Fact]
    public void IsWorkingDay_InAYearWithoutData_Throws()
    {
        var ex = Assert.Throws<CalendarNotCoveredException>(() => Official.IsWorkingDay(D("2027-01-04")));
        Assert.Equal(2027, ex.Year);
        Assert.Contains("2027", ex.Message, StringComparison.Ordinal);
        Assert.Throws<CalendarNotCoveredException>(() => Official.IsWorkingDay(D("2018-06-01")));
    }

    [Fact]
    public void AddWorkingDays_RunningIntoAYearWithoutData_Throws() =>
        Assert.Throws<CalendarNotCoveredException>(() => Official.AddWorkingDays(D("2026-12-20"), 20));

    // Found in review: a period ending on 31 December of the last covered year asked for the next year's holidays, so a
    // consultation ending 2026-12-31 lost its due date until the 2027 notice was entered.
    [Fact]
    public void CountWorkingDays_Through31DecemberOfTheLastCoveredYear_NeedsNoNextYear()
    {
        var last = Official.CoveredYears!.Value.Last;
        var december = new LocalDate(last, 12, 1);
        var expected = Enumerable.Range(1, 30).Select(december.PlusDays).Count(Official.IsWorkingDay);
        var wholeYear = Enumerable.Range(0, CalendarSystem.Iso.GetDaysInYear(last)).Select(new LocalDate(last, 1, 1).PlusDays).Count(Official.IsWorkingDay);

        Assert.Equal(expected, Official.CountWorkingDays(december, new LocalDate(last, 12, 31)));
        Assert.Equal(wholeYear, Official.CountWorkingDays(new LocalDate(last - 1, 12, 31), new LocalDate(last, 12, 31)));
    }

    [Fact]
    public void CountWorkingDays_ReachingAYearWithoutData_Throws() =>
        Assert.Throws<CalendarNotCoveredException>(() => Official.CountWorkingDays(D("2026-12-20"), D("2027-01-20")));

    [Fact]
    public void WeekdaysOnly_IsUnbounded() =>
        Assert.Equal(D("2031-01-06"), WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(D("2030-12-30"), 5));

    [Fact]
    public void Constructor_DateBothRestAndWorkday_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([D("2024-03-04")], [D("2024-03-04")], "x"));

    [Fact]
    public void AddWorkingDays_NegativeDays_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(D("2024-03-04"), -1));

    // The day-by-day definition the indexed implementation must agree with.
    private static LocalDate NaiveAdd(WorkingDayCalendar calendar, LocalDate start, int n)
    {
        var date = start;
        while (n > 0)
        {
            date = date.PlusDays(1);
            if (calendar.IsWorkingDay(date))
            {
                n--;
            }
        }
        return date;
    }

    [Fact]
    public void AddWorkingDays_RandomStartsAndLengths_AgreeWithDayByDayCountingAndItsProperties()
    {
        var random = new Random(20240229);
        var first = new LocalDate(2019, 1, 1);
        for (var i = 0; i < 5000; i++)
        {
            var start = first.PlusDays(random.Next(0, 365 * 7));
            var n = random.Next(0, 120);
            var due = Official.AddWorkingDays(start, n);

            Assert.Equal(NaiveAdd(Official, start, n), due);
            Assert.Equal(n, Official.CountWorkingDays(start, due));
            if (n > 0)
            {
                Assert.True(Official.IsWorkingDay(due));
                // Monotonic in N: one more working day is strictly later.
                Assert.True(Official.AddWorkingDays(start, n + 1) > due);
            }
            // Monotonic in the start: starting a day later never ends earlier.
            Assert.True(Official.AddWorkingDays(start.PlusDays(1), n) >= due);
        }
    }

    [Fact]
    public void CountWorkingDays_RandomRanges_AgreeWithDayByDayCounting()
    {
        var random = new Random(7);
        var first = new LocalDate(2019, 1, 1);
        for (var i = 0; i < 2000; i++)
        {
            var after = first.PlusDays(random.Next(0, 365 * 7));
            var through = after.PlusDays(random.Next(0, 500));
            if (through.Year > 2026)
            {
                continue;
            }
            var expected = 0;
            for (var d = after.PlusDays(1); d <= through; d = d.PlusDays(1))
            {
                expected += Official.IsWorkingDay(d) ? 1 : 0;
            }
            Assert.Equal(expected, Official.CountWorkingDays(after, through));
        }
    }
}
