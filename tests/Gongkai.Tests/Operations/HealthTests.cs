using System.Net;
using Gongkai.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Operations;

/// <summary>/healthz says the process lives; /readyz says this node can serve: database reachable, schema current.</summary>
public sealed class HealthTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Healthz_AndReadyz_AnswerOk_Anonymously_EvenBeforeSetup_AndAreNeverCached(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        using var client = app.Client();

        using var alive = await client.GetAsync("/healthz", Ct);
        using var ready = await client.GetAsync("/readyz", Ct);
        var openApi = await client.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode); // not a redirect to /setup
        Assert.Equal("ok", await alive.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", await ready.Content.ReadAsStringAsync(Ct));
        Assert.Contains("no-cache", ready.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("healthz", openApi, StringComparison.Ordinal);
        Assert.DoesNotContain("readyz", openApi, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Readyz_WithAMigrationNotApplied_Is503AndSaysSo(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" """, Ct));
        using var client = app.Client();

        using var ready = await client.GetAsync("/readyz", Ct);
        using var alive = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not ready: 数据库有 1 个迁移尚未应用", await ready.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Readyz_WhenTheDatabaseIsGone_Is503_WhileHealthzStaysOk(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        using var client = app.Client();
        if (provider == DatabaseProvider.Postgres)
        {
            await postgres.DropDatabaseAsync(app.Database.ConnectionString);
        }
        else
        {
            // The disk holding the file is gone: no pooled connection keeps it alive.
            var file = new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }

        using var ready = await client.GetAsync("/readyz", Ct);
        using var alive = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not ready: 数据库无法连接", await ready.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
