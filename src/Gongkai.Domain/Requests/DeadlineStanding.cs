using Gongkai.Domain.Calendar;
using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>
/// How a running answer period stands on <c>today</c>, in working days (条例第三十三条 counts working days, so the clerk
/// reads the same unit): working days left in (today, due], or working days late in (due, today].
/// </summary>
public readonly record struct DeadlineStanding(int WorkingDays, bool Overdue, bool DueToday)
{
    /// <summary>
    /// The standing of a case due on <paramref name="dueOn"/>. The calendar must cover the years between the two dates
    /// (<see cref="CalendarNotCoveredException"/> otherwise).
    /// </summary>
    public static DeadlineStanding Of(LocalDate dueOn, LocalDate today, WorkingDayCalendar calendar) =>
        today > dueOn
            ? new DeadlineStanding(calendar.CountWorkingDays(dueOn, today), Overdue: true, DueToday: false)
            : new DeadlineStanding(calendar.CountWorkingDays(today, dueOn), Overdue: false, DueToday: today == dueOn);

    /// <summary>
    /// "剩余 3 个工作日", "今日到期", "已逾期 2 个工作日". A case due on a Friday is late on Saturday although no working
    /// day has passed yet: "已逾期".
    /// </summary>
    public string Label => (Overdue, DueToday, WorkingDays) switch
    {
        (true, _, 0) => "已逾期",
        (true, _, var n) => $"已逾期 {n} 个工作日",
        (false, true, _) => "今日到期",
        (false, false, var n) => $"剩余 {n} 个工作日",
    };
}
