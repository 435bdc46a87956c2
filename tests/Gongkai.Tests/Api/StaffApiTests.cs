using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Api;

/// <summary>The staff API: personal API tokens (only their hash stored), refused when revoked or unknown.</summary>
public sealed class StaffApiTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static object NewItem(string title) => new
    {
        columnKey = "art20-11",
        title,
        publishingOrg = "示例县人民政府办公室",
        formedOn = "2025-03-10",
        disclosureMode = "Proactive",
        bodyHtml = "<p>正文</p>",
    };

    [Theory, BothDatabases]
    public async Task ApiToken_LetsAnEditorDraftAnItem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync("000014349");
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(editor));

        using var response = await client.PostAsJsonAsync("/api/v1/staff/items", NewItem("经由接口拟稿"), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("000014349/2025-00001", body.GetProperty("item").GetProperty("indexNo").GetString());
        Assert.Equal("Draft", body.GetProperty("state").GetString());
        var item = await app.WithDbAsync(db => db.Items.SingleAsync(Ct));
        Assert.Equal(editor.UserId, item.AuthorId);
        Assert.Equal($"/api/v1/staff/items/{item.Id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiTokens.Select(t => t.LastUsedAt).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ApiToken_RevokedUnknownOrMissing_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        using var revoked = app.Client(await app.IssueTokenAsync(editor, revoked: true));
        using var unknown = app.Client("gk_not-a-real-token");
        using var anonymous = app.Client();

        using var r1 = await revoked.PostAsJsonAsync("/api/v1/staff/items", NewItem("撤销的令牌"), Ct);
        using var r2 = await unknown.GetAsync("/api/v1/staff/items/1", Ct);
        using var r3 = await anonymous.PostAsJsonAsync("/api/v1/staff/items", NewItem("没有令牌"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, r1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, r2.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, r3.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Api_InvalidInput_IsProblemJsonWithTheChineseMessages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(editor));

        using var response = await client.PostAsJsonAsync("/api/v1/staff/items", new { columnKey = "art20-11", title = "", publishingOrg = "" }, Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请填写标题。", problem.GetProperty("errors").GetProperty("Title")[0].GetString());
        Assert.Equal("请填写发布机构。", problem.GetProperty("errors").GetProperty("PublishingOrg")[0].GetString());
    }
}
