using System.Net;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Web;

/// <summary>Every staff form redirects after a successful POST, so reloading the page it lands on repeats nothing.</summary>
public sealed class PostRedirectGetTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task TheAppealForm_PostedOnce_ThenReloaded_RecordsExactlyOneAppeal(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var url = $"/staff/requests/{record.Id}";
        var token = AntiforgeryToken(await client.GetStringAsync(url, Ct));

        var (status, shown, location) = await client.PostAndFollowAsync(url + "?handler=Appeal",
            FormFields.Encoded(token, ("kind", "Reconsideration"), ("filedOn", "2025-03-14"), ("body", "示例县人民政府"), ("caseNumber", "示复〔2025〕1号")));
        // F5 on the page the browser shows: a GET of the redirect's target, not the POST again.
        using var reload = await client.GetAsync(location, Ct);
        var reloaded = await reload.Content.ReadAsStringAsync(Ct);

        Assert.True(PostRedirectGet.IsRedirectAfterPost(status), $"POST answered {(int)status}");
        Assert.Equal(url, location?.OriginalString);
        Assert.Contains("已登记复议/诉讼。", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("已登记复议/诉讼。", reloaded, StringComparison.Ordinal); // the message is shown once
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestAppeals.CountAsync(a => a.RequestId == record.Id, Ct)));
    }

    [Theory, BothDatabases]
    public async Task EveryStaffForm_RedirectsAfterASuccessfulPost(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var record = await app.RegisterInPersonAsync(clerk);
        var column = await app.ColumnIdAsync(agency.Id, "art20-11");
        using var asClerk = app.Client();
        await app.SignInAsync(asClerk, "clerk");
        using var asReviewer = app.Client();
        await app.SignInAsync(asReviewer, "reviewer");
        using var asAdmin = app.Client();
        await app.SignInAsync(asAdmin, "admin", TestApp.AdminPassword);
        var failures = new List<string>();
        var posted = 0;

        async Task<Uri?> PostAsync(HttpClient client, string page, string url, params (string, string)[] fields)
        {
            var token = AntiforgeryToken(await client.GetStringAsync(page, Ct));
            using var response = await client.PostAsync(url, FormFields.Encoded(token, fields), Ct);
            posted++;
            var target = response.Headers.Location?.OriginalString ?? "";
            if (target.StartsWith("/staff/login", StringComparison.Ordinal) || target.StartsWith("/staff/denied", StringComparison.Ordinal))
            {
                failures.Add($"{url}: refused, redirected to {target}");
            }
            else if (!PostRedirectGet.IsRedirectAfterPost(response.StatusCode))
            {
                var html = await response.Content.ReadAsStringAsync(Ct);
                var error = System.Text.RegularExpressions.Regex.Match(html, "<li>([^<]+)</li>").Groups[1].Value;
                failures.Add($"{url}: {(int)response.StatusCode} {error}");
            }
            return response.Headers.Location;
        }

        var created = await PostAsync(asClerk, "/staff/items/new", "/staff/items/new",
            ("Form.ColumnId", column.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Title", "关于做好2025年春耕生产工作的通知"),
            ("Form.PublishingOrg", "示例县人民政府办公室"), ("Form.WrittenOn", "2025-03-11"), ("Form.FormedOn", "2025-03-12"),
            ("Form.DisclosureMode", "Proactive"), ("Form.BodyHtml", "<p>现将有关事项通知如下。</p>"));
        var item = created?.OriginalString.Split('?')[0] ?? "/staff/items/0";
        var version = await app.WithDbAsync(db => db.Items.Select(i => i.Version).SingleAsync(Ct));
        await PostAsync(asClerk, item + "/edit", item + "/edit",
            ("Form.ColumnId", column.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Title", "关于做好2025年春耕生产工作的通知（修订）"),
            ("Form.PublishingOrg", "示例县人民政府办公室"), ("Form.WrittenOn", "2025-03-11"), ("Form.FormedOn", "2025-03-12"),
            ("Form.DisclosureMode", "Proactive"), ("Form.BodyHtml", "<p>现将有关事项通知如下。</p>"),
            ("Form.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await PostAsync(asClerk, item, item + "?handler=Submit");
        // The reviewer approves the version the page showed them (four eyes: bound to what was read).
        var reviewed = await app.WithDbAsync(db => db.Items.Select(i => i.Version).SingleAsync(Ct));
        await PostAsync(asReviewer, item, item + "?handler=Approve", ("secrecyReviewed", "true"), ("note", "同意发布"),
            ("reviewedVersion", reviewed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await PostAsync(asReviewer, item, item + "?handler=Withdraw", ("reason", "内容有误"));

        var caseUrl = $"/staff/requests/{record.Id}";
        await PostAsync(asClerk, caseUrl, caseUrl + "?handler=Consult", ("kind", "InterAgencyConsultation"), ("on", "2025-03-14"), ("counterparty", "县财政局"));
        await PostAsync(asClerk, caseUrl, caseUrl + "?handler=ConsultEnd", ("on", "2025-03-14"));
        await PostAsync(asClerk, caseUrl, caseUrl + "?handler=Appeal", ("kind", "Reconsideration"), ("filedOn", "2025-03-14"), ("body", "示例县人民政府"));

        await PostAsync(asAdmin, "/staff/users", "/staff/users", ("userName", "clerk2"), ("displayName", "王五"), ("password", "Staff12345x"), ("roles", "Editor"));
        await PostAsync(asAdmin, "/staff/tokens", "/staff/tokens", ("name", "数据同步"), ("days", "30"));
        await PostAsync(asAdmin, "/staff/calendar", "/staff/calendar?handler=Add", ("date", "2027-01-04"), ("kind", "Workday"), ("source", "示例通知"));
        await PostAsync(asAdmin, "/staff/calendar", "/staff/calendar?handler=Notice", ("notice", "2027-01-01 放假"), ("source", "示例通知"));
        await PostAsync(asAdmin, "/staff/columns", "/staff/columns", ("name", "专项资金"), ("key", "local-funds"));
        await PostAsync(asAdmin, "/staff/agencies", "/staff/agencies?handler=Contact", ("name", "示例县人民政府"), ("phone", "0000-1234567"));
        await PostAsync(asAdmin, "/staff/agencies", "/staff/agencies?handler=Create", ("name", "示例县教育局"), ("code", "000014350"), ("kind", "Department"));
        await PostAsync(asAdmin, "/staff/requests/templates", "/staff/requests/templates", ("group", "Disclosed"), ("title", "政府信息公开申请答复书"), ("body", "经审查，您申请的信息予以公开。"));

        TestContext.Current.SendDiagnosticMessage($"{posted} staff form posts checked for a redirect");
        Assert.Empty(failures);
        // Each action took effect (a redirect to the login page would also be a redirect).
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestAppeals.CountAsync(Ct)));
        Assert.Equal(Gongkai.Domain.Catalog.ItemStatus.Withdrawn, await app.WithDbAsync(db => db.Items.Select(i => i.Status).SingleAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "clerk2", Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ApiTokens.CountAsync(Ct)));
        Assert.Equal(2, await app.WithDbAsync(db => db.CalendarOverrides.CountAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Agencies.CountAsync(a => a.Code == "000014350", Ct)));
    }
}
