using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Api;

/// <summary>
/// The API's contract is committed (docs/openapi/v1.json): a change to an endpoint, a DTO or an error answer shows up
/// as a diff in review, so it is made on purpose. Refresh: <c>GONGKAI_UPDATE_OPENAPI=1</c> and run this test.
/// </summary>
public sealed class OpenApiSnapshotTests(PostgresServer postgres)
{
    public const string UpdateVariable = "GONGKAI_UPDATE_OPENAPI";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheServedOpenApiDocument_IsTheCommittedOne()
    {
        // The document does not depend on the database: one provider is enough.
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        using var client = app.Client();
        var served = Normalize(await client.GetStringAsync("/openapi/v1.json", Ct));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served, Ct);
        }
        var committed = File.Exists(path) ? Normalize(await File.ReadAllTextAsync(path, Ct)) : "";

        Assert.True(committed == served,
            $"The API's OpenAPI document differs from {path}.\n" +
            $"If the change is intended, refresh the committed copy: {UpdateVariable}=1 dotnet tests/Gongkai.Tests/bin/Release/net10.0/Gongkai.Tests.dll -method '*{nameof(TheServedOpenApiDocument_IsTheCommittedOne)}*'\n" +
            "(- committed, + served)\n" + LineDiff.Describe(committed, served));
    }

    [Fact]
    public async Task StaffEndpoints_DeclareTheApiTokenOrCookieScheme_AndPublicOnesNone()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        using var client = app.Client();
        var doc = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;

        var schemes = doc["components"]!["securitySchemes"]!;
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Verb: o.Key, Op: o.Value!))).ToList();
        string[] Schemes(JsonNode op) => op["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToArray() ?? [];

        Assert.Equal("bearer", schemes["apiToken"]!["scheme"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["staffCookie"]!["in"]!.GetValue<string>());
        Assert.All(operations.Where(o => o.Path.StartsWith("/api/v1/staff", StringComparison.Ordinal)),
            o => Assert.Equal(["apiToken", "staffCookie"], Schemes(o.Op)));
        Assert.All(operations.Where(o => !o.Path.StartsWith("/api/v1/staff", StringComparison.Ordinal)), o => Assert.Empty(Schemes(o.Op)));
    }

    /// <summary>Keys sorted at every level, indented, Chinese written as text: stable across runs and readable in a diff.</summary>
    public static string Normalize(string json)
    {
        static JsonNode? Sorted(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
            JsonArray a => new JsonArray([.. a.Select(Sorted)]),
            _ => node?.DeepClone(),
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove("servers"); // the address of whichever host served it, not part of the contract
        return Sorted(root)!.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
    }
}
