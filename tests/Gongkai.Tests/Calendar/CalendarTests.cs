extern alias cli;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using cli::Gongkai.Cli;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Calendar;
using Gongkai.Application.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Operations;
using Gongkai.Tests.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Calendar;

/// <summary>`gongkai calendar`, the calendar API and the platform admin's overrides, on the platform's own calendar.</summary>
public sealed class CalendarTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task CliAddWorkdays_AcrossNationalDay_PrintsTheDateAloneOnOneLine(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);

        var (exit, stdout, stderr) = await GongkaiAsync(database, "calendar", "add-workdays", "2026-09-30", "1");

        Assert.Equal(0, exit);
        Assert.Equal("2026-10-08" + Environment.NewLine, stdout);
        Assert.Equal("", stderr);
    }

    [Theory, BothDatabases]
    public async Task CliIsWorkday_KnowsMakeUpSaturdaysAndHolidays(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);

        var makeUpSaturday = await GongkaiAsync(database, "calendar", "is-workday", "2026-02-14");
        var nationalDay = await GongkaiAsync(database, "calendar", "is-workday", "2026-10-01");
        var ordinaryMonday = await GongkaiAsync(database, "calendar", "is-workday", "2026-03-02");

        Assert.Equal((0, "true" + Environment.NewLine, ""), makeUpSaturday); // 调休: Saturday 14 Feb 2026 is a working day
        Assert.Equal((0, "false" + Environment.NewLine, ""), nationalDay);
        Assert.Equal((0, "true" + Environment.NewLine, ""), ordinaryMonday);
    }

    [Theory, BothDatabases]
    public async Task CliWithABadDate_ExitsNonZeroWithAChineseMessage(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);

        var impossible = await GongkaiAsync(database, "calendar", "add-workdays", "2026-02-30", "1");
        var slashes = await GongkaiAsync(database, "calendar", "is-workday", "2026/10/01");

        Assert.Equal(CliApp.BadInput, impossible.Exit);
        Assert.Equal("", impossible.Stdout);
        Assert.Equal("错误：“2026-02-30”不是 yyyy-MM-dd 格式的日期。" + Environment.NewLine, impossible.Stderr);
        Assert.NotEqual(0, slashes.Exit);
        Assert.Contains("不是 yyyy-MM-dd 格式的日期", slashes.Stderr, StringComparison.Ordinal);
        Assert.Equal("", slashes.Stdout);
    }

    [Theory, BothDatabases]
    public async Task CalendarApi_GivesTheSameAnswersAsTheCli(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        using var client = app.Client();

        var add = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-workdays?date=2026-09-30&n=1", Ct);
        var saturday = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/is-workday?date=2026-02-14", Ct);
        var holiday = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/is-workday?date=2026-10-01", Ct);
        var bad = await client.GetAsync("/api/v1/calendar/add-workdays?date=2026-02-30&n=1", Ct);

        Assert.Equal("2026-10-08", add.GetProperty("result").GetString());
        Assert.Equal(OfficialHolidays.Calendar.Version, add.GetProperty("calendarVersion").GetString());
        Assert.True(saturday.GetProperty("isWorkday").GetBoolean());
        Assert.False(holiday.GetProperty("isWorkday").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("yyyy-MM-dd", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AdminOverride_ChangesTheAnswerEverywhere_IsAudited_AndAFinishedCaseKeepsItsCalendarVersion(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var admin = await app.AdminAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var open = await app.RegisterInPersonAsync(clerk); // received Friday 14 March 2025, due 14 April
        var finished = await app.RegisterInPersonAsync(clerk);
        await app.WithStepsAsync(s => s.DecideAsync(clerk, finished.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));
        finished = await app.WithStepsAsync(s => s.AnswerAsync(clerk, finished.Id, null, Ct));
        var official = OfficialHolidays.Calendar.Version;
        using var client = app.Client();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-workdays?date=2026-09-30&n=1", Ct);
        app.Clock.Advance(Duration.FromHours(1));

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => app.InScopeAsync(sp =>
            sp.GetRequiredService<CalendarService>().AddAsync(clerk, new DateOnly(2026, 10, 8), CalendarDayKind.Rest, "示例", Ct)));
        await app.InScopeAsync(sp => sp.GetRequiredService<CalendarService>().AddAsync(admin, new DateOnly(2026, 10, 8), CalendarDayKind.Rest, "示例省人民政府办公厅通知（延长国庆假期）", Ct));
        await app.InScopeAsync(sp => sp.GetRequiredService<CalendarService>().AddAsync(admin, new DateOnly(2025, 4, 14), CalendarDayKind.Rest, "示例县防汛应急停工通知", Ct));
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add-workdays?date=2026-09-30&n=1", Ct);
        var cli = await GongkaiAsync(app.Database, "calendar", "add-workdays", "2026-09-30", "1");
        var cliDay = await GongkaiAsync(app.Database, "calendar", "is-workday", "2026-10-08");
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "calendar.override.add").OrderBy(a => a.Id).ToListAsync(Ct));
        await app.DeadlinesRecomputedAsync(); // by the leased background worker, soon after the change
        var openNow = await app.LoadAsync(open.Id);
        var finishedNow = await app.LoadAsync(finished.Id);
        var asOfFinished = await app.InScopeAsync(sp => sp.GetRequiredService<WorkingDayCalendarProvider>().AsOfAsync(finished.UpdatedAt, Ct));
        var current = await app.InScopeAsync(sp => sp.GetRequiredService<WorkingDayCalendarProvider>().CurrentAsync(Ct));

        Assert.Equal("只有平台管理员可以调整工作日历。", refused.Message);
        Assert.Equal("2026-10-08", before.GetProperty("result").GetString());
        Assert.Equal("2026-10-09", after.GetProperty("result").GetString());
        Assert.Equal(current.Version, after.GetProperty("calendarVersion").GetString());
        Assert.NotEqual(official, current.Version);
        Assert.Equal((0, "2026-10-09" + Environment.NewLine, ""), cli);
        Assert.Equal((0, "false" + Environment.NewLine, ""), cliDay);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(admin.UserId, a.UserId));
        Assert.Contains("示例省人民政府办公厅通知", audit[0].Detail, StringComparison.Ordinal);
        // The open case follows the new calendar; the answered one keeps the date and version it was computed with,
        // and that version can be rebuilt.
        Assert.Equal(D(2025, 4, 14), open.DueOn);
        Assert.Equal(D(2025, 4, 15), openNow.DueOn);
        Assert.Equal(current.Version, openNow.CalendarVersion);
        Assert.Equal(official, finishedNow.CalendarVersion);
        Assert.Equal(finished.DueOn, finishedNow.DueOn);
        Assert.Equal(finishedNow.CalendarVersion, asOfFinished.Version);
        // The open case's timeline records the move, with both dates and both versions.
        var moved = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.RequestId == open.Id && e.Action == "request.deadline.recalendar").Select(e => e.Summary).ToListAsync(Ct));
        Assert.Contains(moved, m => m.Contains("由 2025-04-14 调整为 2025-04-15", StringComparison.Ordinal) && m.Contains(current.Version, StringComparison.Ordinal));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.RequestEvents.Where(e => e.RequestId == finished.Id).Select(e => e.Action).ToListAsync(Ct)),
            a => a == "request.deadline.recalendar");
    }

    [Theory, BothDatabases]
    public async Task ANewYearsNotice_EnteredAtOnce_MakesDueDatesInThatYearComputable(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var admin = await app.AdminAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2026, 12, 15));
        var open = await app.RegisterInPersonAsync(clerk); // 20 working days later is in 2027, which the shipped data lack

        var rows = await app.InScopeAsync(sp => sp.GetRequiredService<CalendarService>().AddNoticeAsync(admin,
            "2027-01-01 放假\n\n2027-02-06至2027-02-12 放假\r\n2027-02-14 上班\n", "示例：2027年部分节假日安排的通知", Ct));
        await app.DeadlinesRecomputedAsync();
        var after = await app.LoadAsync(open.Id);

        Assert.Null(open.DueOn);
        Assert.Equal(9, rows.Count);
        // 12-16..18 (3), 12-21..25 (8), 12-28..31 (12), 2027-01-01 a holiday, 01-04..08 (17), 01-11..13 (20).
        Assert.Equal(D(2027, 1, 13), after.DueOn);
        Assert.Equal(9, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "calendar.override.add", Ct)));
    }

    [Theory, BothDatabases]
    public async Task ANoticeWithABadLine_IsRefusedWhole_NamingTheLine(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        var admin = await app.AdminAsync();

        var bad = await Assert.ThrowsAsync<ValidationException>(() => app.InScopeAsync(sp => sp.GetRequiredService<CalendarService>()
            .AddNoticeAsync(admin, "2027-01-01 放假\n2027-02-30 放假\n2027-02-14 加班", "示例通知", Ct)));
        var noSource = await Assert.ThrowsAsync<ValidationException>(() => app.InScopeAsync(sp => sp.GetRequiredService<CalendarService>()
            .AddNoticeAsync(admin, "2027-01-01 放假", " ", Ct)));

        Assert.Contains("第2行“2027-02-30 放假”无法识别", bad.Message, StringComparison.Ordinal);
        Assert.Contains("第3行", bad.Message, StringComparison.Ordinal);
        Assert.Equal("请注明依据文件（如国务院办公厅通知的文号或省级文件）。", noSource.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.CalendarOverrides.CountAsync(Ct)));
    }

    /// <summary>A database after <c>gongkai db init</c>: the calendar commands only read.</summary>
    private async Task<TestDatabase> InitializedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiAsync(database, "db", "init")).Exit);
        return database;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> GongkaiAsync(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--connection", database.ConnectionString], stdout, stderr, Ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
