using Gongkai.Domain.Calendar;
using NodaTime;

namespace Gongkai.Domain.Catalog;

/// <summary>条例第二十六条: proactive information is published within 20 working days of being formed or changed.</summary>
public static class PublicationDeadline
{
    public const int WorkingDays = 20;

    /// <summary>The last day on which publication is on time.</summary>
    public static LocalDate DueOn(LocalDate formedOrChangedOn, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(formedOrChangedOn, WorkingDays);

    /// <summary>Overdue means: not yet published, and today is past the due date.</summary>
    public static bool IsOverdue(LocalDate formedOrChangedOn, LocalDate today, WorkingDayCalendar calendar) =>
        today > DueOn(formedOrChangedOn, calendar);
}
