using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Api;

public sealed class OpenApiTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task OpenApiDocument_IsServed_AndListsTheEndpoints(DatabaseProvider provider)
    {
        // Served before setup too: the setup redirect exempts /openapi.
        await using var app = await TestApp.StartAsync(provider, postgres);
        using var client = app.Client();

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Gongkai 政府信息公开平台 API", doc.GetProperty("info").GetProperty("title").GetString());
        Assert.Contains("/api/v1/agencies", paths);
        Assert.Contains("/api/v1/agencies/{code}/items", paths);
        Assert.Contains("/api/v1/agencies/{code}/items/{year}/{serial}", paths);
        Assert.Contains("/api/v1/staff/items", paths);
        Assert.Contains("/api/v1/staff/items/{id}/approve", paths);
    }
}
