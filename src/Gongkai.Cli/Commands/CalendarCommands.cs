using System.CommandLine;
using Gongkai.Application.Calendar;
using Gongkai.Domain.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai calendar …</c>: working-day arithmetic on the official calendar plus the platform's own overrides
/// (the same calendar, and so the same answers, as the web API and the deadlines). Read-only: they never create or
/// migrate a database, and read the overrides with one query instead of building the EF model (an answer in well
/// under a second).
/// </summary>
internal static class CalendarCommands
{
    public static Command Build(CliContext cli)
    {
        var calendar = new Command("calendar", "工作日日历（法定节假日与调休）");

        var start = new Argument<string>("date") { Description = "起算日期 yyyy-MM-dd（起算日本身不计入）" };
        var count = new Argument<int>("N") { Description = "工作日数" };
        var add = new Command("add-workdays", "输出起算日之后第 N 个工作日（ISO 日期，单独一行）") { start, count };
        add.SetAction((parse, ct) => cli.RunReadOnlyAsync(parse, async (cs, ct) =>
        {
            var date = ParseDate(parse.GetValue(start));
            var n = parse.GetValue(count);
            if (n is < 0 or > 10_000)
            {
                throw new CliException("N 应为 0 到 10000 之间的整数。");
            }
            var cal = await CalendarOverrideReader.CurrentAsync(cs, ct);
            await cli.Out.WriteLineAsync(LocalDatePattern.Iso.Format(Covered(() => cal.AddWorkingDays(date, n))));
            return 0;
        }, ct));

        var day = new Argument<string>("date") { Description = "日期 yyyy-MM-dd" };
        var isWorkday = new Command("is-workday", "输出 true 或 false") { day };
        isWorkday.SetAction((parse, ct) => cli.RunReadOnlyAsync(parse, async (cs, ct) =>
        {
            var date = ParseDate(parse.GetValue(day));
            var cal = await CalendarOverrideReader.CurrentAsync(cs, ct);
            await cli.Out.WriteLineAsync(Covered(() => cal.IsWorkingDay(date)) ? "true" : "false");
            return 0;
        }, ct));

        calendar.Subcommands.Add(add);
        calendar.Subcommands.Add(isWorkday);
        return calendar;
    }

    private static LocalDate ParseDate(string? text) =>
        LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } r ? r.Value : throw new CliException($"“{text}”不是 yyyy-MM-dd 格式的日期。");

    private static T Covered<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (CalendarNotCoveredException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
