using Gongkai.Application.Calendar;
using Gongkai.Domain.Calendar;
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

    private static async Task<Results<Ok<AddWorkdaysDto>, ProblemHttpResult>> AddWorkdays(string? date, int? n, WorkingDayCalendarProvider calendars, CancellationToken ct)
    {
        if (Parse(date) is not { } d)
        {
            return TypedResults.Problem("date 须为 yyyy-MM-dd 格式的日期。", statusCode: StatusCodes.Status400BadRequest);
        }
        if (n is not { } count || count < 0 || count > 10000)
        {
            return TypedResults.Problem("n 须为 0 至 10000 之间的整数。", statusCode: StatusCodes.Status400BadRequest);
        }
        var calendar = await calendars.CurrentAsync(ct);
        try
        {
            var result = calendar.AddWorkingDays(d, count);
            return TypedResults.Ok(new AddWorkdaysDto(Iso(d), count, Iso(result), calendar.Version));
        }
        catch (CalendarNotCoveredException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static async Task<Results<Ok<IsWorkdayDto>, ProblemHttpResult>> IsWorkday(string? date, WorkingDayCalendarProvider calendars, CancellationToken ct)
    {
        if (Parse(date) is not { } d)
        {
            return TypedResults.Problem("date 须为 yyyy-MM-dd 格式的日期。", statusCode: StatusCodes.Status400BadRequest);
        }
        var calendar = await calendars.CurrentAsync(ct);
        try
        {
            return TypedResults.Ok(new IsWorkdayDto(Iso(d), calendar.IsWorkingDay(d), calendar.Version));
        }
        catch (CalendarNotCoveredException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static LocalDate? Parse(string? value)
    {
        var result = value is null ? null : LocalDatePattern.Iso.Parse(value.Trim());
        return result is { Success: true } ? result.Value : null;
    }

    private static string Iso(LocalDate d) => LocalDatePattern.Iso.Format(d);
}
