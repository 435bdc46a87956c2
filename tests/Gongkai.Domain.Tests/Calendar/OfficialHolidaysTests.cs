using Gongkai.Domain.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Gongkai.Domain.Tests.Calendar;

public class OfficialHolidaysTests
{
    private static readonly WorkingDayCalendar Official = OfficialHolidays.Calendar;

    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    // domain.md §6, typed in again independently of the shipped data file: (first, last, isWorkday).
    private static readonly (string From, string To, bool Workday)[] Table =
    [
        // 2019 (国办发明电〔2018〕15号; 劳动节 per 〔2019〕3号)
        ("2018-12-30", "2019-01-01", false), ("2019-02-04", "2019-02-10", false), ("2019-04-05", "2019-04-07", false),
        ("2019-05-01", "2019-05-04", false), ("2019-06-07", "2019-06-09", false), ("2019-09-13", "2019-09-15", false),
        ("2019-10-01", "2019-10-07", false),
        ("2018-12-29", "2018-12-29", true), ("2019-02-02", "2019-02-03", true), ("2019-04-28", "2019-04-28", true),
        ("2019-05-05", "2019-05-05", true), ("2019-09-29", "2019-09-29", true), ("2019-10-12", "2019-10-12", true),
        // 2020 (〔2019〕16号; 春节 extended to 02-02 by 〔2020〕1号, which cancelled the 02-01 make-up day)
        ("2020-01-01", "2020-01-01", false), ("2020-01-24", "2020-02-02", false), ("2020-04-04", "2020-04-06", false),
        ("2020-05-01", "2020-05-05", false), ("2020-06-25", "2020-06-27", false), ("2020-10-01", "2020-10-08", false),
        ("2020-01-19", "2020-01-19", true), ("2020-04-26", "2020-04-26", true), ("2020-05-09", "2020-05-09", true),
        ("2020-06-28", "2020-06-28", true), ("2020-09-27", "2020-09-27", true), ("2020-10-10", "2020-10-10", true),
        // 2021 (〔2020〕27号)
        ("2021-01-01", "2021-01-03", false), ("2021-02-11", "2021-02-17", false), ("2021-04-03", "2021-04-05", false),
        ("2021-05-01", "2021-05-05", false), ("2021-06-12", "2021-06-14", false), ("2021-09-19", "2021-09-21", false),
        ("2021-10-01", "2021-10-07", false),
        ("2021-02-07", "2021-02-07", true), ("2021-02-20", "2021-02-20", true), ("2021-04-25", "2021-04-25", true),
        ("2021-05-08", "2021-05-08", true), ("2021-09-18", "2021-09-18", true), ("2021-09-26", "2021-09-26", true),
        ("2021-10-09", "2021-10-09", true),
        // 2022 (〔2021〕11号)
        ("2022-01-01", "2022-01-03", false), ("2022-01-31", "2022-02-06", false), ("2022-04-03", "2022-04-05", false),
        ("2022-04-30", "2022-05-04", false), ("2022-06-03", "2022-06-05", false), ("2022-09-10", "2022-09-12", false),
        ("2022-10-01", "2022-10-07", false),
        ("2022-01-29", "2022-01-30", true), ("2022-04-02", "2022-04-02", true), ("2022-04-24", "2022-04-24", true),
        ("2022-05-07", "2022-05-07", true), ("2022-10-08", "2022-10-09", true),
        // 2023 (〔2022〕16号)
        ("2022-12-31", "2023-01-02", false), ("2023-01-21", "2023-01-27", false), ("2023-04-05", "2023-04-05", false),
        ("2023-04-29", "2023-05-03", false), ("2023-06-22", "2023-06-24", false), ("2023-09-29", "2023-10-06", false),
        ("2023-01-28", "2023-01-29", true), ("2023-04-23", "2023-04-23", true), ("2023-05-06", "2023-05-06", true),
        ("2023-06-25", "2023-06-25", true), ("2023-10-07", "2023-10-08", true),
        // 2024 (〔2023〕7号)
        ("2023-12-30", "2024-01-01", false), ("2024-02-10", "2024-02-17", false), ("2024-04-04", "2024-04-06", false),
        ("2024-05-01", "2024-05-05", false), ("2024-06-08", "2024-06-10", false), ("2024-09-15", "2024-09-17", false),
        ("2024-10-01", "2024-10-07", false),
        ("2024-02-04", "2024-02-04", true), ("2024-02-18", "2024-02-18", true), ("2024-04-07", "2024-04-07", true),
        ("2024-04-28", "2024-04-28", true), ("2024-05-11", "2024-05-11", true), ("2024-09-14", "2024-09-14", true),
        ("2024-09-29", "2024-09-29", true), ("2024-10-12", "2024-10-12", true),
        // 2025 (〔2024〕12号)
        ("2025-01-01", "2025-01-01", false), ("2025-01-28", "2025-02-04", false), ("2025-04-04", "2025-04-06", false),
        ("2025-05-01", "2025-05-05", false), ("2025-05-31", "2025-06-02", false), ("2025-10-01", "2025-10-08", false),
        ("2025-01-26", "2025-01-26", true), ("2025-02-08", "2025-02-08", true), ("2025-04-27", "2025-04-27", true),
        ("2025-09-28", "2025-09-28", true), ("2025-10-11", "2025-10-11", true),
        // 2026 (notice of 2025-11-04)
        ("2026-01-01", "2026-01-03", false), ("2026-02-15", "2026-02-23", false), ("2026-04-04", "2026-04-06", false),
        ("2026-05-01", "2026-05-05", false), ("2026-06-19", "2026-06-21", false), ("2026-09-25", "2026-09-27", false),
        ("2026-10-01", "2026-10-07", false),
        ("2026-01-04", "2026-01-04", true), ("2026-02-14", "2026-02-14", true), ("2026-02-28", "2026-02-28", true),
        ("2026-05-09", "2026-05-09", true), ("2026-09-20", "2026-09-20", true), ("2026-10-10", "2026-10-10", true),
    ];

    private static IEnumerable<(string Date, bool Workday)> ListedDays()
    {
        foreach (var (from, to, workday) in Table)
        {
            for (var d = D(from); d <= D(to); d = d.PlusDays(1))
            {
                yield return (LocalDatePattern.Iso.Format(d), workday);
            }
        }
    }

    public static TheoryData<string, bool> EveryListedDay()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (date, workday) in ListedDays())
        {
            data.Add(date, workday);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryListedDay))]
    public void IsWorkingDay_EveryHolidayAndMakeUpDayOf2019To2026_MatchesTheNotice(string date, bool isWorkday)
    {
        // 2018 dates belong to the 2019 notice but 2018 is not a covered year; check them through the listed data.
        var day = D(date);
        if (day.Year == 2018)
        {
            var listed = Assert.Single(OfficialHolidays.Days, d => d.Date == day);
            Assert.Equal(isWorkday ? CalendarDayKind.Workday : CalendarDayKind.Rest, listed.Kind);
            return;
        }
        Assert.Equal(isWorkday, Official.IsWorkingDay(day));
    }

    [Fact]
    public void Days_ListExactlyTheDatesOfTheNotices_NothingMore()
    {
        var expected = ListedDays().Select(row => row.Date).Order(StringComparer.Ordinal);
        var shipped = OfficialHolidays.Days.Select(d => LocalDatePattern.Iso.Format(d.Date));
        Assert.Equal(expected, shipped);
    }

    [Theory]
    [InlineData(2019, 18)]
    [InlineData(2020, 19)]
    [InlineData(2021, 18)]
    [InlineData(2022, 18)]
    [InlineData(2023, 18)]
    [InlineData(2024, 19)]
    [InlineData(2025, 18)]
    [InlineData(2026, 19)]
    public void Days_MondayToFridayRestDaysPerNotice_MatchDomainSpec(int year, int expected)
    {
        var count = OfficialHolidays.Days.Count(d => d.NoticeYear == year && d.Kind == CalendarDayKind.Rest
            && d.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));
        Assert.Equal(expected, count);
    }

    [Fact]
    public void Days_EveryMakeUpWorkday_FallsOnAWeekend() =>
        Assert.All(OfficialHolidays.Days.Where(d => d.Kind == CalendarDayKind.Workday),
            d => Assert.True(d.Date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));

    [Fact]
    public void CoveredYears_Are2019Through2026() =>
        Assert.Equal(new YearRange(2019, 2026), OfficialHolidays.CoveredYears);

    [Fact]
    public void SourceDocuments_2019_NameTheNoticeAndTheLabourDayChange()
    {
        var docs = OfficialHolidays.SourceDocumentsFor(2019);
        Assert.Contains("国办发明电〔2018〕15号", docs);
        Assert.Contains(docs, d => d.StartsWith("国办发明电〔2019〕3号", StringComparison.Ordinal));
    }

    [Fact]
    public void SourceDocuments_2020_NameTheSpringFestivalExtension() =>
        Assert.Contains(OfficialHolidays.SourceDocumentsFor(2020), d => d.StartsWith("国办发明电〔2020〕1号", StringComparison.Ordinal));

    [Fact]
    public void Labour2019_IsFourDaysAfterTheChange_NotTheOriginalOneDay()
    {
        Assert.False(Official.IsWorkingDay(D("2019-05-02")));
        Assert.False(Official.IsWorkingDay(D("2019-05-03")));
        Assert.True(Official.IsWorkingDay(D("2019-05-05")));
    }

    [Fact]
    public void SpringFestival2020_ExtensionCancelsTheFebruaryFirstMakeUpDay()
    {
        Assert.False(Official.IsWorkingDay(D("2020-01-31")));
        Assert.False(Official.IsWorkingDay(D("2020-02-01")));
        Assert.True(Official.IsWorkingDay(D("2020-02-03")));
    }

    [Fact]
    public void Version_NamesTheYearsAndAContentHash() =>
        Assert.Matches("^cn-2019-2026-[0-9a-f]{12}$", OfficialHolidays.Calendar.Version);

    [Fact]
    public void BuildCalendar_WithoutOverrides_IsTheShippedCalendar() =>
        Assert.Same(OfficialHolidays.Calendar, OfficialHolidays.BuildCalendar([]));

    [Fact]
    public void BuildCalendar_LocalRestDay_OverridesTheNoticeAndChangesTheVersion()
    {
        // e.g. a provincial extension of the 2020 Spring Festival to 02-09.
        var local = OfficialHolidays.BuildCalendar([new CalendarOverride(D("2020-02-03"), CalendarDayKind.Rest, "省政府通知（示例）")]);
        Assert.False(local.IsWorkingDay(D("2020-02-03")));
        Assert.True(Official.IsWorkingDay(D("2020-02-03")));
        Assert.StartsWith(OfficialHolidays.DataVersion + "+local-", local.Version, StringComparison.Ordinal);
        Assert.Equal(OfficialHolidays.CoveredYears, local.CoveredYears);
    }

    [Fact]
    public void BuildCalendar_LocalWorkday_CanReinstateAListedRestDay()
    {
        var local = OfficialHolidays.BuildCalendar([new CalendarOverride(D("2024-10-07"), CalendarDayKind.Workday, "本地调整（示例）")]);
        Assert.True(local.IsWorkingDay(D("2024-10-07")));
    }

    [Fact]
    public void BuildCalendar_OverrideOutsideCoveredYears_IsRefused() =>
        Assert.Throws<ArgumentException>(() => OfficialHolidays.BuildCalendar([new CalendarOverride(D("2027-01-04"), CalendarDayKind.Rest, "x")]));

    [Fact]
    public void BuildCalendar_OverrideWithoutSource_IsRefused() =>
        Assert.Throws<ArgumentException>(() => OfficialHolidays.BuildCalendar([new CalendarOverride(D("2024-03-04"), CalendarDayKind.Rest, " ")]));
}
