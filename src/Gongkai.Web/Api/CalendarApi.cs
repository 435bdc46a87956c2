using Gongkai.Application;
using Gongkai.Application.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace Gongkai.Web.Api;

/// <summary>Public working-day arithmetic on the official calendar (the same answers as `gongkai calendar`).</summary>
public static class CalendarApi
{
    public sealed record AddWorkdaysDto(string Date, int N, string Result, string CalendarVersion);

    public sealed record IsWorkdayDto(string Date, bool IsWorkday, string CalendarVersion);

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("calendar").AllowAnonymous();
        api.MapGet("/add-workdays", AddWorkdays).WithName("AddWorkdays")
            .WithSummary("某日之后第N个工作日（起算日不计入，条例期限计算惯例）");
        api.MapGet("/is-workday", IsWorkday).WithName("IsWorkday").WithSummary("某日是否为工作日（含法定节假日和调休）");
    }

    /// <remarks>Bad input (400) and a year the calendar does not cover (422) come from the shared error mapping.</remarks>
    private static async Task<Ok<AddWorkdaysDto>> AddWorkdays(string? date, int? n, WorkingDayCalendarProvider calendars, CancellationToken ct)
    {
        var d = Parse(date);
        if (n is not { } count || count < 0 || count > 10000)
        {
            throw new ValidationException("n", "n 须为 0 至 10000 之间的整数。");
        }
        var calendar = await calendars.CurrentAsync(ct);
        return TypedResults.Ok(new AddWorkdaysDto(Iso(d), count, Iso(calendar.AddWorkingDays(d, count)), calendar.Version));
    }

    private static async Task<Ok<IsWorkdayDto>> IsWorkday(string? date, WorkingDayCalendarProvider calendars, CancellationToken ct)
    {
        var d = Parse(date);
        var calendar = await calendars.CurrentAsync(ct);
        return TypedResults.Ok(new IsWorkdayDto(Iso(d), calendar.IsWorkingDay(d), calendar.Version));
    }

    private static LocalDate Parse(string? value)
    {
        var result = value is null ? null : LocalDatePattern.Iso.Parse(value.Trim());
        return result is { Success: true } ? result.Value : throw new ValidationException("date", "date 须为 yyyy-MM-dd 格式的日期。");
    }

    private static string Iso(LocalDate d) => LocalDatePattern.Iso.Format(d);
}
