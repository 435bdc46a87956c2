using Gongkai.Application.Calendar;
using Gongkai.Application.Platform;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Application.Requests.Handling;

/// <summary>"剩余 N 个工作日 / 已逾期 N 个工作日" for the case page and the lists: today's Beijing date and the current calendar, read once per page.</summary>
public sealed class DeadlineStandings(WorkingDayCalendarProvider calendars, PlatformClock clock)
{
    public async Task<StandingsToday> TodayAsync(CancellationToken ct = default) => new(await calendars.CurrentAsync(ct), clock.Today);
}

/// <summary>Standings computed against one day and one calendar.</summary>
public sealed class StandingsToday(WorkingDayCalendar calendar, LocalDate today)
{
    /// <summary>
    /// The standing of a due date whose clock runs; null when the clock stands still (补正, payment, finished) or the due
    /// date is unknown or in a year the calendar lacks (the case page explains that).
    /// </summary>
    public DeadlineStanding? Of(DateOnly? dueOn, bool clockRunning)
    {
        if (!clockRunning || dueOn is not { } due)
        {
            return null;
        }
        try
        {
            return DeadlineStanding.Of(LocalDate.FromDateOnly(due), today, calendar);
        }
        catch (CalendarNotCoveredException)
        {
            return null;
        }
    }

    public DeadlineStanding? Of(RequestRow row) => Of(row.DueOn, row.ClockRunning);
}
