using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Api;

/// <summary>The public read API as a developer calls it.</summary>
public sealed class PublicApiTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Found in the attack: the search parameter was bound as `q_`, so `?q=` was silently ignored and every item returned.
    [Theory, BothDatabases]
    public async Task ListItems_SearchesWithQ(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync("000014349");
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        await app.PublishAsync(editor, reviewer, await app.ValidInputAsync(agency.Id, "关于做好春耕生产工作的通知"));
        await app.PublishAsync(editor, reviewer, await app.ValidInputAsync(agency.Id, "关于防汛工作的通知"));
        using var client = app.Client();

        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies/000014349/items?q=春耕", Ct);

        Assert.Equal(["关于做好春耕生产工作的通知"], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(1, found.GetProperty("totalCount").GetInt32());
    }
}
