using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Web;

/// <summary>
/// No page shows an English validation message: the back office (every staff page, as an administrator, with bad query
/// strings and bad form posts) and the portal are rendered and their visible text scanned for ASP.NET Core's English
/// model-binding and data-annotation wording.
/// </summary>
public sealed partial class NoEnglishMessagesTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What ASP.NET Core's default messages say ("The value 'x' is not valid for Y.", "The Y field is required.", …).</summary>
    [GeneratedRegex(@"is not valid|is invalid|is required|The value|must be a|must be between|The field|field is|A value for|The supplied value|A non-empty request body",
        RegexOptions.IgnoreCase)]
    private static partial Regex EnglishMessage();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Markup();

    /// <summary>The text a reader sees: markup, scripts and styles removed, entities decoded.</summary>
    private static string VisibleText(string html) => WebUtility.HtmlDecode(Markup().Replace(html, " "));

    private static void Scan(List<string> failures, string what, string html)
    {
        foreach (Match m in EnglishMessage().Matches(VisibleText(html)))
        {
            var text = VisibleText(html);
            var context = text.Substring(Math.Max(0, m.Index - 40), Math.Min(100, text.Length - Math.Max(0, m.Index - 40)));
            failures.Add($"{what}: …{context.ReplaceLineEndings(" ").Trim()}…");
        }
    }

    [Theory, BothDatabases]
    public async Task TheBackOfficeAndThePortal_ShowNoEnglishValidationMessage_EvenForBadQueriesAndPosts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var published = await app.PublishAsync(clerk, reviewer, await app.ValidInputAsync(agency.Id));
        var item = await app.DraftAsync(clerk, await app.ValidInputAsync(agency.Id, "关于印发示例县2025年工作要点的通知"));
        using var admin = app.Client();
        await app.SignInAsync(admin, "admin", TestApp.AdminPassword);
        using var citizen = app.Client();
        var failures = new List<string>();
        var caseUrl = $"/staff/requests/{record.Id}";

        string[] staffPages =
        [
            "/staff", "/staff/items", $"/staff/items/{item.Id}", $"/staff/items/{item.Id}/edit", "/staff/items/new", "/staff/requests",
            "/staff/requests/new", "/staff/requests/deadlines", "/staff/requests/templates", caseUrl, "/staff/calendar", "/staff/agencies",
            "/staff/audit", "/staff/columns", "/staff/review", "/staff/tokens", "/staff/users", "/staff/account/2fa",
            // Values that do not parse: numbers, enumerations, booleans, dates.
            "/staff/requests?p=abc&state=Nonsense&agency=x&unconfirmed=maybe&mine=perhaps", "/staff/requests?page=2", "/staff/items?p=-1&status=Bogus&agency=%20&overdue=x",
            "/staff/audit?p=zz", "/staff/requests/deadlines?agency=abc", "/staff/requests?handler=Export&year=abcd", $"{caseUrl}?handler=LetterFile&letterId=not-a-guid",
        ];
        foreach (var url in staffPages)
        {
            using var response = await admin.GetAsync(url, Ct);
            Scan(failures, "GET " + url, await response.Content.ReadAsStringAsync(Ct));
        }

        (string Url, (string, string)[] Fields)[] staffPosts =
        [
            ($"{caseUrl}?handler=Extend", [("on", "yesterday"), ("days", "twenty"), ("approvedBy", "王主任"), ("reason", "需调取档案")]),
            ($"{caseUrl}?handler=Correction", [("on", "2025-02-30"), ("dueOn", "soon"), ("content", "请说明文号")]),
            ($"{caseUrl}?handler=FeePreview", [("method", "PerPage"), ("quantity", "many")]),
            ($"{caseUrl}?handler=AppealResult", [("appealId", "x"), ("result", "Won"), ("concludedOn", "today")]),
            ($"{caseUrl}?handler=Assign", [("handlerId", "")]),
            ($"{caseUrl}?handler=Note", [("note", "")]),
            ("/staff/tokens", [("name", "同步"), ("days", "forever")]),
            ("/staff/tokens?handler=Revoke", [("id", "abc")]),
            ("/staff/calendar?handler=Add", [("date", "2027-02-30"), ("kind", "Sometimes"), ("source", "通知")]),
            ("/staff/calendar?handler=Remove", [("id", "abc")]),
        ];
        foreach (var (url, fields) in staffPosts)
        {
            var page = url.Split('?')[0];
            var token = AntiforgeryToken(await admin.GetStringAsync(page, Ct));
            using var response = await admin.PostAsync(url, FormFields.Encoded(token, fields), Ct);
            Scan(failures, "POST " + url, await response.Content.ReadAsStringAsync(Ct));
        }

        string[] portalPages =
        [
            "/", $"/agencies/{agency.Code}", $"/agencies/{agency.Code}/guide", $"/agencies/{agency.Code}/columns/art20-01?page=abc&year=x",
            $"/agencies/{agency.Code}/items/{published.Year}/{published.Serial}", "/search?q=通知&page=x", $"/apply/{agency.Code}", "/track",
            "/staff/login",
        ];
        foreach (var url in portalPages)
        {
            using var response = await citizen.GetAsync(url, Ct);
            Scan(failures, "GET " + url, await response.Content.ReadAsStringAsync(Ct));
        }
        var applyToken = AntiforgeryToken(await citizen.GetStringAsync($"/apply/{agency.Code}", Ct));
        using (var apply = await citizen.PostAsync($"/apply/{agency.Code}", FormFields.Encoded(applyToken,
                   ("Form.ApplicantType", "Alien"), ("Form.Name", ""), ("Form.IdNumber", "abc"), ("Form.SubmissionKey", "not-a-guid")), Ct))
        {
            Scan(failures, "POST /apply", await apply.Content.ReadAsStringAsync(Ct));
        }
        var trackToken = AntiforgeryToken(await citizen.GetStringAsync("/track", Ct));
        using (var track = await citizen.PostAsync("/track?handler=Letter", FormFields.Encoded(trackToken, ("Code", "X"), ("Secret", "Y"), ("letterId", "nope")), Ct))
        {
            Scan(failures, "POST /track", await track.Content.ReadAsStringAsync(Ct));
        }

        Assert.Empty(failures);
    }

    [Theory, BothDatabases]
    public async Task TheCaseList_PagedWithP_ShowsThatPage_AndNoBindingError(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var codes = new List<string>();
        for (var i = 0; i < 31; i++)
        {
            codes.Add((await app.RegisterInPersonAsync(clerk)).TrackingCode);
        }
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");

        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/staff/requests", Ct));
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/staff/requests?p=2", Ct));

        // Newest first, 30 a page: the oldest case is alone on page 2.
        Assert.DoesNotContain("PageNumber", first, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", first, StringComparison.Ordinal);
        Assert.Contains(codes[0], second, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], first, StringComparison.Ordinal);
        Assert.Contains("第 2 / 2 页", second, StringComparison.Ordinal);
        Assert.Contains("?p=2", first, StringComparison.Ordinal);
    }
}
