using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using NodaTime;

namespace Gongkai.Domain.Tests.Reports;

public class ReportDeadlineTests
{
    [Theory]
    [InlineData(2020, AgencyKind.Department, "2021-01-31")]
    [InlineData(2020, AgencyKind.Government, "2021-03-31")]
    [InlineData(2025, AgencyKind.Department, "2026-01-31")]
    [InlineData(2018, AgencyKind.Department, "2019-03-31")] // 2007 条例第三十一条: every agency by 3月31日
    [InlineData(2018, AgencyKind.Township, "2019-03-31")]
    public void For_Article49_GivesTheLastDay(int year, AgencyKind kind, string due) =>
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture)), ReportDeadline.For(year, kind));

    [Fact]
    public void For_Township_IsSetLocally() => Assert.Null(ReportDeadline.For(2021, AgencyKind.Township));

    [Fact]
    public void IsLate_TheLastDayStillCounts_TheDayAfterIsLate()
    {
        Assert.False(ReportDeadline.IsLate(2021, AgencyKind.Department, new LocalDate(2022, 1, 31)));
        Assert.True(ReportDeadline.IsLate(2021, AgencyKind.Department, new LocalDate(2022, 2, 1)));
        Assert.False(ReportDeadline.IsLate(2021, AgencyKind.Government, new LocalDate(2022, 3, 31)));
    }

    [Fact]
    public void IsLate_Township_UsesTheLocalDeadlineOrNone()
    {
        Assert.True(ReportDeadline.IsLate(2021, AgencyKind.Township, new LocalDate(2022, 2, 21), localDeadline: new LocalDate(2022, 2, 20)));
        Assert.False(ReportDeadline.IsLate(2021, AgencyKind.Township, new LocalDate(2022, 6, 1)));
    }
}
