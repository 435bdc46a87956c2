using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Api;

/// <summary>Everything under /api answers errors as problem+json from the one error table — never an HTML page or a login redirect.</summary>
public sealed class ApiErrorTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts a problem+json answer with the table's status and key; returns it.</summary>
    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string key)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urn:gongkai:error:" + key, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Theory, BothDatabases]
    public async Task AnUnknownApiRoute_Is404ProblemJson_EvenForABrowserAskingForHtml(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var unknown = await client.GetAsync("/api/v1/unknown", Ct);
        using var missingAgency = await client.GetAsync("/api/v1/agencies/999999999", Ct);

        var problem = await ProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("页面不存在", problem.GetProperty("title").GetString());
        await ProblemAsync(missingAgency, HttpStatusCode.NotFound, "not-found");
    }

    [Theory, BothDatabases]
    public async Task TheStaffApi_WithoutCredentials_Is401ProblemJson_NotARedirectToTheLoginPage(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var anonymous = app.Client();
        using var revoked = app.Client(await app.IssueTokenAsync(clerk, revoked: true));

        using var list = await anonymous.GetAsync("/api/v1/staff/requests", Ct);
        using var create = await anonymous.PostAsJsonAsync("/api/v1/staff/items", new { title = "x" }, Ct);
        using var withRevokedToken = await revoked.GetAsync("/api/v1/staff/requests", Ct);

        var problem = await ProblemAsync(list, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("API 令牌", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(create, HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAsync(withRevokedToken, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory, BothDatabases]
    public async Task ATokenLackingTheRight_Is403ProblemJson_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var nobody = await app.AddStaffAsync("nobody", agency.Id); // an account without any role
        var item = await app.DraftAsync(clerk, await app.ValidInputAsync(agency.Id));
        await app.WithItemsAsync(s => s.SubmitAsync(clerk, item.Id, Ct));
        using var asClerk = app.Client(await app.IssueTokenAsync(clerk));
        using var asNobody = app.Client(await app.IssueTokenAsync(nobody));
        using var signedInWithoutRole = app.Client();
        await app.SignInAsync(signedInWithoutRole, "nobody");

        // An editor may not approve (a reviewer's right): the endpoint's permission (items.review) refuses before the use case.
        using var approve = await asClerk.PostAsJsonAsync($"/api/v1/staff/items/{item.Id}/approve", new { secrecyReviewed = true, note = "同意" }, Ct);
        // An account without a staff role is refused by the policy, whether by token or by the back-office cookie.
        using var byToken = await asNobody.GetAsync("/api/v1/staff/requests", Ct);
        using var byCookie = await signedInWithoutRole.GetAsync("/api/v1/staff/requests", Ct);

        var problem = await ProblemAsync(approve, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(Gongkai.Web.Errors.ErrorCatalog.Forbidden.Detail, problem.GetProperty("detail").GetString());
        await ProblemAsync(byToken, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(byCookie, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(Gongkai.Domain.Catalog.ItemStatus.PendingReview, await app.WithDbAsync(db => db.Items.Where(i => i.Id == item.Id).Select(i => i.Status).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task InvalidInput_Is400ProblemJson_WithTheChineseMessagePerField_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(clerk));

        using var item = await client.PostAsJsonAsync("/api/v1/staff/items", new { columnKey = "art20-11", title = "", publishingOrg = "" }, Ct);
        using var date = await client.GetAsync("/api/v1/calendar/is-workday?date=2026-02-30", Ct);

        var problem = await ProblemAsync(item, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("输入有误", problem.GetProperty("title").GetString());
        Assert.Contains("标题", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
        var dateProblem = await ProblemAsync(date, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("date 须为 yyyy-MM-dd 格式的日期。", dateProblem.GetProperty("detail").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task AWrongMethodAndAMalformedBody_AreProblemJsonToo(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(clerk));

        using var wrongMethod = await client.DeleteAsync("/api/v1/agencies", Ct);
        using var malformed = await client.PostAsync("/api/v1/staff/items", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        await ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        await ProblemAsync(malformed, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }
}
