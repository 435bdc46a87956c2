using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Gongkai.Application.Platform;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Web;

/// <summary>
/// The clerk's case page: the steps valid in the state (the likely next one open, the rest collapsed), working days left
/// or late on the case and in the lists, and every time in Beijing time.
/// </summary>
public sealed partial class CasePageTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"<details class=""step""( open=""open"")?>\s*<summary>([^<]+)")]
    private static partial Regex Step();

    /// <summary>The steps on the page in order, the open one marked with "*".</summary>
    private static List<string> Steps(string html) =>
        [.. Step().Matches(html).Select(m => (m.Groups[1].Success ? "*" : "") + m.Groups[2].Value.Trim())];

    [Theory, BothDatabases]
    public async Task TheCasePage_OffersTheStepsOfTheState_TheLikelyNextOneOpen(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var url = $"/staff/requests/{record.Id}";

        var fresh = WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));
        await app.WithStepsAsync(s => s.StartConsultationAsync(clerk, record.Id, PauseKind.ThirdPartyConsultation, null, "某公司", Ct));
        var consulting = WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));

        Assert.Equal(["*答复决定", "补正通知", "征求意见", "延长答复期限", "信息处理费"], Steps(fresh));
        Assert.Contains("建议下一步", fresh, StringComparison.Ordinal);
        Assert.Equal(["*结束征求意见"], Steps(consulting));
        Assert.DoesNotContain("作出决定", consulting, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task ARefusedStep_IsShownOpen_WithItsMessage(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var url = $"/staff/requests/{record.Id}";
        var token = AntiforgeryToken(await client.GetStringAsync(url, Ct));

        using var response = await client.PostAsync(url + "?handler=Extend", FormFields.Encoded(token, ("days", "30"), ("approvedBy", "王主任"), ("reason", "需调取档案")), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("延长的期限为1至20个工作日", html, StringComparison.Ordinal);
        Assert.Equal(["答复决定", "补正通知", "征求意见", "*延长答复期限", "信息处理费"], Steps(html));
    }

    [Theory, BothDatabases]
    public async Task WorkingDaysLeftOrLate_AreShownOnTheCase_InTheListAndOnTheDashboard(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        // Received Friday 2025-03-14: 20 working days (清明 4-4..4-6 off) end on Monday 2025-04-14.
        var record = await app.RegisterInPersonAsync(clerk, D(2025, 3, 14));
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var url = $"/staff/requests/{record.Id}";

        var onTheDay = WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));
        app.Today(D(2025, 4, 17));
        var late = WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/staff/requests", Ct));
        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/staff/requests/deadlines", Ct));

        Assert.Equal(D(2025, 4, 14), record.DueOn);
        Assert.Contains("2025-04-14 <strong class=\"\">剩余 20 个工作日</strong>", onTheDay, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"overdue\">已逾期 3 个工作日</strong>", late, StringComparison.Ordinal);
        Assert.Contains("2025-04-14（已逾期 3 个工作日）", list, StringComparison.Ordinal);
        Assert.Contains("2025-04-14（已逾期 3 个工作日）", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public void AUtcInstant_IsShownInBeijingTime() =>
        Assert.Equal("2026-01-02 01:00", BeijingTime.Format(new DateTime(2026, 1, 1, 17, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void AnInstantReadBackWithoutKind_IsTakenAsUtc() =>
        Assert.Equal("2026-01-02 01:00:00", BeijingTime.Format(new DateTime(2026, 1, 1, 17, 0, 0, DateTimeKind.Unspecified), seconds: true));

    [Theory, BothDatabases]
    public async Task TheTimelineAndTheAuditLog_ShowBeijingTime(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Clock.Set(NodaTime.Instant.FromUtc(2026, 1, 1, 17, 0));
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client();
        await app.SignInAsync(client, "admin", TestApp.AdminPassword);

        var casePage = await client.GetStringAsync($"/staff/requests/{record.Id}", Ct);
        var audit = await client.GetStringAsync("/staff/audit", Ct);

        Assert.Contains("<time datetime=\"2026-01-01T17:00:00Z\">2026-01-02 01:00:00</time>", casePage, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-01-01T17:00:00Z\">2026-01-02 01:00:00</time>", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-01-01 17:00", audit, StringComparison.Ordinal);
    }
}
