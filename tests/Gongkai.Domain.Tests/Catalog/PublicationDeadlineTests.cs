using Gongkai.Domain.Calendar;
using Gongkai.Domain.Catalog;
using NodaTime;

namespace Gongkai.Domain.Tests.Catalog;

public class PublicationDeadlineTests
{
    [Fact]
    public void DueOn_IsTwentyWorkingDaysAfterFormation_NotCountingTheDayItself()
    {
        // Formed Monday 2024-03-04: 20 weekdays later is Monday 2024-04-01.
        Assert.Equal(new LocalDate(2024, 4, 1), PublicationDeadline.DueOn(new LocalDate(2024, 3, 4), WorkingDayCalendar.WeekdaysOnly));
    }

    [Fact]
    public void IsOverdue_OnlyAfterTheDueDay()
    {
        var formed = new LocalDate(2024, 3, 4);
        Assert.False(PublicationDeadline.IsOverdue(formed, new LocalDate(2024, 4, 1), WorkingDayCalendar.WeekdaysOnly));
        Assert.True(PublicationDeadline.IsOverdue(formed, new LocalDate(2024, 4, 2), WorkingDayCalendar.WeekdaysOnly));
    }
}
