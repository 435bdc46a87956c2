using System.Net;
using Gongkai.Application.Accounts;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Web;

/// <summary>Every back-office page renders for the users who use it, and the forms that change the most work through HTTP.</summary>
public sealed class BackOfficePagesTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task EveryBackOfficePage_Renders_ForTheAdministratorAndTheClerk(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        var item = await app.DraftAsync(clerk, await app.ValidInputAsync(agency.Id));
        string[] everyone = ["/staff", "/staff/items", $"/staff/items/{item.Id}", $"/staff/items/{item.Id}/edit", "/staff/requests",
            "/staff/requests/new", "/staff/requests/deadlines", "/staff/requests/templates", $"/staff/requests/{record.Id}", "/staff/calendar"];
        string[] adminOnly = ["/staff/agencies", "/staff/audit", "/staff/columns", "/staff/review", "/staff/tokens", "/staff/users"];

        using var asClerk = app.Client();
        await app.SignInAsync(asClerk, "clerk");
        using var asAdmin = app.Client();
        await app.SignInAsync(asAdmin, "admin", TestApp.AdminPassword);
        var failures = new List<string>();
        foreach (var (client, who, urls) in new[] { (asClerk, "clerk", everyone), (asAdmin, "admin", everyone.Concat(adminOnly).ToArray()) })
        {
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url, Ct);
                var html = await response.Content.ReadAsStringAsync(Ct);
                if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<h1", StringComparison.Ordinal))
                {
                    failures.Add($"{who} {url}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory, BothDatabases]
    public async Task TheStaffRegistrationForm_PostedTwice_RegistersOnce_AndOffersABlankFormAfterwards(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var page = await client.GetStringAsync("/staff/requests/new", Ct);
        var token = AntiforgeryToken(page);
        var key = FormFields.SubmissionKey().Match(page).Groups[1].Value;

        MultipartFormDataContent Form()
        {
            var form = new MultipartFormDataContent();
            void Add(string name, string value) => form.Add(new StringContent(value), name);
            Add("__RequestVerificationToken", token);
            Add("Form.SubmissionKey", key);
            Add("AgencyId", agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add("Channel", "InPerson");
            Add("SubmittedOn", "2025-03-14");
            Add("Form.ApplicantType", "NaturalPerson");
            Add("Form.Name", ApplicantName);
            Add("Form.IdNumber", ResidentId);
            Add("Form.Phone", Phone);
            Add("Form.Description", "示例县2024年度城乡低保资金发放情况");
            Add("Form.WantedForm", "纸质文本");
            Add("Form.Delivery", "自行领取");
            return form;
        }
        // Post/Redirect/Get: the message is on the page the POST redirects to.
        var (_, first, _) = await client.PostAndFollowAsync("/staff/requests/new", Form());
        var (_, second, _) = await client.PostAndFollowAsync("/staff/requests/new", Form());

        Assert.Contains("已登记", first, StringComparison.Ordinal);
        Assert.Contains("该申请表此前已提交，未重复登记", second, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
        Assert.NotEqual(key, FormFields.SubmissionKey().Match(first).Groups[1].Value); // the next application gets a new form
        Assert.DoesNotContain(ApplicantName, FormFields.SubmissionKey().Replace(first, ""), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task TheCalendarNoticeForm_EntersTheNotice_OrShowsWhichLineIsWrong(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        await app.SignInAsync(client, "admin", TestApp.AdminPassword);
        var token = AntiforgeryToken(await client.GetStringAsync("/staff/calendar", Ct));

        Task<string> PostAsync(string notice) => client.PostAndFollowAsync("/staff/calendar?handler=Notice", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["notice"] = notice,
            ["source"] = "示例：2027年部分节假日安排的通知",
        })).ContinueWith(t => t.Result.Html, Ct);
        var bad = await PostAsync("2027-01-01 放假\n2027-13-01 放假");
        var good = await PostAsync("2027-01-01至2027-01-03 放假\n2027-01-04 上班");

        Assert.Contains("第2行", bad, StringComparison.Ordinal);
        Assert.Contains("2027-13-01 放假", bad, StringComparison.Ordinal); // the text stays in the box to be corrected
        Assert.Contains("已按通知录入 4 天", good, StringComparison.Ordinal);
        Assert.Contains("答复期限随后在后台重新计算", good, StringComparison.Ordinal); // not in this request: the admin is told
        Assert.Equal(4, await app.WithDbAsync(db => db.CalendarOverrides.CountAsync(Ct)));
    }

}
