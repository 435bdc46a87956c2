using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Api;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Security;

/// <summary>
/// The staff API with the back office's cookie: another site can make a signed-in browser send a request, but it cannot
/// read the antiforgery token, so a state-changing call carried by the cookie alone is refused. A bearer token needs none.
/// </summary>
public sealed class ApiAntiforgeryTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task ACookieCall_WithoutTheToken_IsRefused_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var browser = app.Client();
        await app.SignInAsync(browser, "clerk");

        using var forged = await browser.PostAsJsonAsync("/api/v1/staff/items", StaffApiTests.NewItem("跨站伪造的拟稿"), Ct);
        using var forgedWrongToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff/items") { Content = JsonContent.Create(StaffApiTests.NewItem("伪造的令牌")) };
        forgedWrongToken.Headers.Add("RequestVerificationToken", "not-a-token");
        using var withWrongToken = await browser.SendAsync(forgedWrongToken, Ct);

        foreach (var response in new[] { forged, withWrongToken })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("urn:gongkai:error:antiforgery", problem.GetProperty("type").GetString());
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ACookieCall_WithTheBackOfficeToken_AndABearerCall_WithoutOne_AreAccepted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var browser = app.Client();
        await app.SignInAsync(browser, "clerk");
        using var script = app.Client(await app.IssueTokenAsync(clerk));

        // The back office's own script takes the token from any of its forms and sends it as a header.
        var token = FormFields.AntiforgeryToken(await browser.GetStringAsync("/staff/items/new", Ct));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff/items") { Content = JsonContent.Create(StaffApiTests.NewItem("后台脚本拟稿")) };
        request.Headers.Add("RequestVerificationToken", token);
        using var byCookie = await browser.SendAsync(request, Ct);
        using var byBearer = await script.PostAsJsonAsync("/api/v1/staff/items", StaffApiTests.NewItem("令牌拟稿"), Ct);
        using var read = await browser.GetAsync("/api/v1/staff/requests", Ct);

        Assert.Equal(HttpStatusCode.Created, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byBearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }
}
