using System.Net;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Web;

/// <summary>On pages the error table's Chinese message is shown on the form (or as the status page), and a refused action saves nothing.</summary>
public sealed class PageErrorTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RefusedAsync(HttpClient client, string page, string url, params (string, string)[] fields)
    {
        var token = AntiforgeryToken(await client.GetStringAsync(page, Ct));
        using var response = await client.PostAsync(url, FormFields.Encoded(token, fields), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect: nothing happened
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory, BothDatabases]
    public async Task ARefusedItemAction_ShowsTheRulesChineseMessageOnThePage_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var item = await app.DraftAsync(clerk, await app.ValidInputAsync(agency.Id));
        await app.WithItemsAsync(s => s.SubmitAsync(clerk, item.Id, Ct));
        var twice = await Assert.ThrowsAsync<WorkflowException>(() => app.WithItemsAsync(s => s.SubmitAsync(clerk, item.Id, Ct)));
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var url = $"/staff/items/{item.Id}";

        var forbidden = await RefusedAsync(client, url, url + "?handler=Approve", ("secrecyReviewed", "true"), ("note", "同意"));
        var workflow = await RefusedAsync(client, url, url + "?handler=Submit");

        Assert.Contains("只有审核员可以审核发布。", forbidden, StringComparison.Ordinal);
        Assert.Contains(twice.Message, workflow, StringComparison.Ordinal);
        Assert.Contains("<h1", workflow, StringComparison.Ordinal); // the whole page, reloaded
        Assert.Equal(ItemStatus.PendingReview, await app.WithDbAsync(db => db.Items.Where(i => i.Id == item.Id).Select(i => i.Status).SingleAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "item.approve", Ct)));
    }

    [Theory, BothDatabases]
    public async Task ARefusedRequestStep_ShowsTheRuleOnTheCasePage_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        await app.WithStepsAsync(s => s.StartConsultationAsync(clerk, record.Id, PauseKind.InterAgencyConsultation, D(2025, 3, 14), "县财政局", Ct));
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var url = $"/staff/requests/{record.Id}";

        var html = await RefusedAsync(client, url, url + "?handler=Decide", ("outcome", RequestOutcomes.Disclosed.Key), ("on", "2025-03-14"));
        var appeal = await RefusedAsync(client, url, url + "?handler=Appeal", ("kind", "Reconsideration"), ("filedOn", "2025-03-14"), ("body", ""));

        Assert.Contains("征求意见期间不能作出答复决定", html, StringComparison.Ordinal);
        Assert.Contains("请填写复议机关。", appeal, StringComparison.Ordinal);
        Assert.Equal(RequestState.InterAgencyConsultation, (await app.LoadAsync(record.Id)).State);
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestAppeals.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task InvalidInputOnAForm_ShowsTheChineseMessage_KeepsWhatWasTyped_AndCreatesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        await app.SignInAsync(client, "admin", TestApp.AdminPassword);

        var users = await RefusedAsync(client, "/staff/users", "/staff/users", ("userName", "clerk2"), ("displayName", "王五"), ("password", "short"), ("roles", "Editor"));
        var calendar = await RefusedAsync(client, "/staff/calendar", "/staff/calendar?handler=Notice", ("notice", "2027-01-01 放假\n2027-13-01 放假"), ("source", "示例通知"));

        Assert.Contains("密码", users, StringComparison.Ordinal);
        Assert.Contains("第2行", calendar, StringComparison.Ordinal);
        Assert.Contains("2027-13-01 放假", calendar, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "clerk2", Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.CalendarOverrides.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task AFormPostedWithoutItsAntiforgeryToken_IsRefusedWithTheReason_AndCreatesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        await app.SignInAsync(client, "admin", TestApp.AdminPassword);

        using var response = await client.PostAsync("/staff/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "clerk2", ["password"] = TestApp.StaffPassword, ["roles"] = "Editor",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单已过期或来源无效", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "clerk2", Ct)));
    }

    [Theory, BothDatabases]
    public async Task ARecordOneMayNotSee_IsTheChinese404Page_AndAnUnknownPageToo(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");

        using var missingItem = await client.GetAsync("/staff/items/999999", Ct);
        using var unknownPage = await client.GetAsync("/no-such-page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, missingItem.StatusCode);
        Assert.Contains("页面不存在", await missingItem.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("text/html", missingItem.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
        Assert.Contains("您访问的内容不存在", await unknownPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
