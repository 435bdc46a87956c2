using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>"剩余 N 个工作日 / 已逾期 N 个工作日" on the case and in the lists, counted in working days of the official calendar.</summary>
public class DeadlineStandingTests
{
    private static readonly WorkingDayCalendar Cal = OfficialHolidays.Calendar;

    [Theory]
    // Due Friday 2024-03-15.
    [InlineData("2024-03-11", "2024-03-15", "剩余 4 个工作日")] // Monday: Tue–Fri
    [InlineData("2024-03-14", "2024-03-15", "剩余 1 个工作日")]
    [InlineData("2024-03-15", "2024-03-15", "今日到期")]
    [InlineData("2024-03-16", "2024-03-15", "已逾期")] // Saturday: late, but no working day has passed
    [InlineData("2024-03-18", "2024-03-15", "已逾期 1 个工作日")]
    [InlineData("2024-03-22", "2024-03-15", "已逾期 5 个工作日")]
    // 2024 National Day: 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) make-up working days.
    [InlineData("2024-09-27", "2024-10-08", "剩余 3 个工作日")] // 09-29 (make-up), 09-30, 10-08
    public void Label_CountsWorkingDaysBetweenTodayAndTheDueDate(string today, string due, string expected) =>
        Assert.Equal(expected, DeadlineStanding.Of(LocalDate.FromDateOnly(DateOnly.Parse(due)), LocalDate.FromDateOnly(DateOnly.Parse(today)), Cal).Label);
}
