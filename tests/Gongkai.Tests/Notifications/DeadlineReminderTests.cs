using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Application.Accounts;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Reminders;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Gongkai.Tests.Notifications;

/// <summary>
/// Deadline reminders (issue 3): the counts on the staff home page, and the daily e-mail to each agency's staff over a
/// real SMTP conversation with <see cref="SmtpReceiver"/>. The clock is the fake one: 2025-03-14 10:00 Beijing time, a Friday.
/// </summary>
public sealed partial class DeadlineReminderTests(PostgresServer postgres)
{
    private const string BaseUrl = "https://gk.example.gov.cn/";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two agencies with cases in every bucket, and staff with and without e-mail addresses.</summary>
    private sealed record Scenario(
        TestApp App, int CountyId, int BureauId, StaffContext CountyHandler,
        RequestRecord CountyOverdue, RequestRecord CountySoon, RequestRecord CountyLater, RequestRecord BureauSoon, RequestRecord QuietLater);

    [Theory, BothDatabases]
    public async Task RunOnce_SendsOneMailPerAgency_ToItsHandlers_WithItsCases_AndNoPersonalData(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await ArrangeAsync(app);

        var run = await Service(app, smtp).RunOnceAsync(Ct);

        Assert.Null(run.Skipped);
        Assert.Equal(2, run.Sent);
        Assert.Equal(2, smtp.Messages.Count);
        var county = Assert.Single(smtp.Messages, m => m.RcptTo.Contains("handler@county.example.gov.cn"));
        var bureau = Assert.Single(smtp.Messages, m => m.RcptTo.Contains("clerk@bureau.example.gov.cn"));
        // Handlers (editor, reviewer, agency admin) with an address; not the supervisor-only account, not the one without an address.
        Assert.Equal(["handler@county.example.gov.cn", "reviewer@county.example.gov.cn"], county.RcptTo.Order(StringComparer.Ordinal));
        Assert.Equal(["clerk@bureau.example.gov.cn"], bureau.RcptTo);
        Assert.Equal("reminders@example.gov.cn", county.MailFrom);

        Assert.Contains("示例县人民政府", county.Subject);
        Assert.Contains("已逾期1件", county.Subject);
        Assert.Contains("5个工作日内到期1件", county.Subject);
        var body = county.Body;
        Assert.Contains("第三十三条", body);
        Assert.Contains($"查询码 {s.CountyOverdue.TrackingCode}（内部编号 {s.CountyOverdue.Id}）", body);
        Assert.Contains("答复期限 2025-03-10，已逾期4个工作日", body);
        Assert.Contains($"{BaseUrl}staff/requests/{s.CountyOverdue.Id}", body);
        Assert.Contains($"查询码 {s.CountySoon.TrackingCode}", body);
        Assert.Contains("答复期限 2025-03-17，还剩1个工作日", body);
        Assert.Contains($"{BaseUrl}staff/requests/{s.CountySoon.Id}", body);
        Assert.DoesNotContain(s.CountyLater.TrackingCode, body);
        Assert.DoesNotContain(s.BureauSoon.TrackingCode, body);
        Assert.Contains(s.BureauSoon.TrackingCode, bureau.Body);
        Assert.DoesNotContain(s.CountyOverdue.TrackingCode, bureau.Body);
        Assert.DoesNotContain(s.QuietLater.TrackingCode, county.Raw + bureau.Raw);

        // No applicant personal data anywhere in what went over the wire (raw or decoded), masked forms included.
        foreach (var m in smtp.Messages)
        {
            var all = m.Raw + m.Subject + m.Body;
            foreach (var secret in new[] { "张三丰", "11010519491231002X", "13800138000", "北京市海淀区中关村大街1号", "zhang@example.com", "某项目审批文件",
                s.CountyOverdue.NameMasked, s.CountyOverdue.IdNumberMasked })
            {
                Assert.DoesNotContain(secret, all);
            }
        }

        // Claimed, marked sent and audited, one row per agency.
        var rows = await app.WithDbAsync(db => db.DeadlineReminders.OrderBy(r => r.AgencyId).ToListAsync(Ct));
        Assert.Equal([s.CountyId, s.BureauId], rows.Select(r => r.AgencyId));
        Assert.All(rows, r => Assert.Equal(new DateOnly(2025, 3, 14), r.Date));
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == DeadlineReminderService.AuditAction).OrderBy(a => a.AgencyId).ToListAsync(Ct));
        Assert.Equal([s.CountyId, s.BureauId], audit.Select(a => a.AgencyId ?? 0));
        Assert.Equal($"{s.CountyId}/2025-03-14", audit[0].EntityId);
        Assert.Contains("handler", audit[0].Detail);
    }

    [Theory, BothDatabases]
    public async Task RunOnce_TwiceTheSameDay_SendsNothingNew_AndTheNextWorkingDaySendsAgain(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await TestApp.StartAsync(provider, postgres);
        await ArrangeAsync(app);
        var service = Service(app, smtp);
        await service.RunOnceAsync(Ct);

        app.Clock.Advance(Duration.FromHours(5));
        var again = await service.RunOnceAsync(Ct);
        var otherNode = await Service(app, smtp).RunOnceAsync(Ct);

        Assert.Equal(0, again.Sent);
        Assert.Equal(0, otherNode.Sent);
        Assert.All(otherNode.Agencies.Values, o => Assert.Equal(ReminderOutcome.AlreadyClaimed, o));
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == DeadlineReminderService.AuditAction, Ct)));

        // Saturday and Sunday are not working days; Monday 17 March brings the next reminder.
        app.Clock.Set(Instant.FromUtc(2025, 3, 15, 2, 0));
        Assert.Equal("非工作日", (await service.RunOnceAsync(Ct)).Skipped);
        app.Clock.Set(Instant.FromUtc(2025, 3, 17, 0, 0)); // 08:00 Beijing: before the configured 08:30
        Assert.StartsWith("未到发送时间", (await service.RunOnceAsync(Ct)).Skipped);
        Assert.Equal(2, smtp.Messages.Count);
        app.Clock.Set(Instant.FromUtc(2025, 3, 17, 1, 0));
        Assert.Equal(2, (await service.RunOnceAsync(Ct)).Sent);
        Assert.Equal(4, smtp.Messages.Count);
    }

    [Theory, BothDatabases]
    public async Task RunOnce_TwoNodesRacing_SendEachAgencysMailOnce(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await TestApp.StartAsync(provider, postgres);
        await ArrangeAsync(app);
        var nodes = Enumerable.Range(0, 4).Select(_ => Service(app, smtp)).ToList();

        var runs = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.RunOnceAsync(Ct), Ct)));

        Assert.Equal(2, runs.Sum(r => r.Sent));
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, smtp.Messages.Select(m => m.RcptTo[0]).Distinct().Count());
        Assert.Equal(2, await app.WithDbAsync(db => db.DeadlineReminders.CountAsync(Ct)));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == DeadlineReminderService.AuditAction, Ct)));
    }

    [Theory, BothDatabases]
    public async Task RunOnce_WithoutSmtpConfiguration_SendsNothing(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await TestApp.StartAsync(provider, postgres);
        await ArrangeAsync(app);
        // What the host itself runs with (the tests configure no Smtp section), and the same from explicit settings without a host.
        var hosted = app.Factory.Services.GetRequiredService<DeadlineReminderService>();
        var noHost = DeadlineReminderOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:From"] = "x@example.gov.cn" }).Build());

        var first = await hosted.RunOnceAsync(Ct);
        var second = await new DeadlineReminderService(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Factory.Services.GetRequiredService<PlatformClock>(), noHost, NullLogger<DeadlineReminderService>.Instance).RunOnceAsync(Ct);

        Assert.False(app.Factory.Services.GetRequiredService<DeadlineReminderOptions>().Enabled);
        Assert.False(noHost.Enabled);
        Assert.Equal("未配置 SMTP", first.Skipped);
        Assert.Equal("未配置 SMTP", second.Skipped);
        Assert.Empty(smtp.Messages);
        Assert.Equal(0, await app.WithDbAsync(db => db.DeadlineReminders.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task StaffHome_ShowsTheActorsOverdueAndDueSoonCounts_WithLinksToTheDashboard(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await ArrangeAsync(app);
        using var client = app.Client();

        await app.SignInAsync(client, "clerk");
        var bureauHome = await client.GetStringAsync("/staff", Ct);
        await app.SignInAsync(client, "handler");
        var countyHome = await client.GetStringAsync("/staff", Ct);

        Assert.Equal((1, 1), Counts(countyHome));
        Assert.Contains("href=\"/staff/requests/deadlines#h-overdue\"", countyHome);
        Assert.Contains("href=\"/staff/requests/deadlines#h-soon\"", countyHome);
        Assert.Contains("至 2025-03-21", countyHome);
        Assert.Equal((0, 1), Counts(bureauHome));
    }

    [Theory, BothDatabases]
    public async Task AccountCreation_StoresTheReminderAddress_AndRefusesAnInvalidOne(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var county = await app.SetUpAsync();
        var admin = await app.AdminAsync();

        await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>()
            .CreateAsync(admin, county.Id, "mailer", "王五", TestApp.StaffPassword, [StaffRole.Editor], " wangwu@county.example.gov.cn ", Ct));
        var ex = await Assert.ThrowsAsync<Gongkai.Application.ValidationException>(() => app.InScopeAsync(sp => sp.GetRequiredService<AccountService>()
            .CreateAsync(admin, county.Id, "badmail", "赵六", TestApp.StaffPassword, [StaffRole.Editor], "not-an-address", Ct)));

        Assert.Equal("wangwu@county.example.gov.cn", await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "mailer").Select(u => u.Email).SingleAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "badmail", Ct)));
        Assert.Contains("电子邮箱格式不正确", ex.Message);
    }

    private static (int Overdue, int DueSoon) Counts(string html)
    {
        var overdue = OverdueCell().Match(html);
        var soon = SoonCell().Match(html);
        Assert.True(overdue.Success && soon.Success, html);
        return (int.Parse(overdue.Groups[1].Value), int.Parse(soon.Groups[1].Value));
    }

    [GeneratedRegex(@"href=""/staff/requests/deadlines#h-overdue"">(\d+)</a>")]
    private static partial Regex OverdueCell();

    [GeneratedRegex(@"href=""/staff/requests/deadlines#h-soon"">(\d+)</a>")]
    private static partial Regex SoonCell();

    private static DeadlineReminderService Service(TestApp app, SmtpReceiver smtp) =>
        new(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), app.Factory.Services.GetRequiredService<PlatformClock>(),
            new DeadlineReminderOptions
            {
                Smtp = new SmtpSettings("127.0.0.1", smtp.Port, "reminders@example.gov.cn", null, null, EnableSsl: false),
                SiteBaseUrl = new Uri(BaseUrl),
            },
            NullLogger<DeadlineReminderService>.Instance);

    private static async Task<Scenario> ArrangeAsync(TestApp app)
    {
        var county = await app.SetUpAsync();
        var bureau = await app.AddAgencyAsync("000014350", "示例县教育局", county.Id);
        var quiet = await app.AddAgencyAsync("000014351", "示例县文化局", county.Id);
        var handler = await AddStaffAsync(app, "handler", county.Id, "handler@county.example.gov.cn", StaffRole.Editor);
        await AddStaffAsync(app, "reviewer", county.Id, "reviewer@county.example.gov.cn", StaffRole.Reviewer);
        await AddStaffAsync(app, "watcher", county.Id, "watcher@county.example.gov.cn", StaffRole.Supervisor);
        await AddStaffAsync(app, "nomail", county.Id, null, StaffRole.Editor);
        var clerk = await AddStaffAsync(app, "clerk", bureau.Id, "clerk@bureau.example.gov.cn", StaffRole.Editor);
        var quietClerk = await AddStaffAsync(app, "quiet", quiet.Id, "quiet@culture.example.gov.cn", StaffRole.Editor);
        // Received in person: 20 working days from the day after (条例第三十三条). 10 Feb → due 10 Mar; 17 Feb → 17 Mar; 12 Mar → 9 Apr.
        return new Scenario(app, county.Id, bureau.Id, handler,
            await RegisterAsync(app, handler, new DateOnly(2025, 2, 10)),
            await RegisterAsync(app, handler, new DateOnly(2025, 2, 17)),
            await RegisterAsync(app, handler, new DateOnly(2025, 3, 12)),
            await RegisterAsync(app, clerk, new DateOnly(2025, 2, 17)),
            await RegisterAsync(app, quietClerk, new DateOnly(2025, 3, 12)));
    }

    private static async Task<StaffContext> AddStaffAsync(TestApp app, string userName, int agencyId, string? email, params string[] roles)
    {
        var user = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformSetupService>().CreateUserAsync(userName, userName, TestApp.StaffPassword, agencyId, roles, email));
        return new StaffContext(user.Id, userName, agencyId, roles.ToHashSet(), "127.0.0.1");
    }

    private static async Task<RequestRecord> RegisterAsync(TestApp app, StaffContext staff, DateOnly submittedOn)
    {
        var input = new RequestForm
        {
            ApplicantType = ApplicantType.NaturalPerson,
            Name = "张三丰",
            IdNumber = "11010519491231002X",
            Phone = "13800138000",
            Email = "zhang@example.com",
            Address = "北京市海淀区中关村大街1号",
            Description = "请公开2024年某项目审批文件",
            WantedForm = RequestFormChoices.Forms[1],
            Delivery = RequestFormChoices.Deliveries[1],
        };
        var created = await app.InScopeAsync(sp => sp.GetRequiredService<RequestIntake>()
            .RegisterAsync(staff, staff.AgencyId, SubmissionChannel.InPerson, input, submittedOn, null, null, Ct));
        return created.Record;
    }
}
