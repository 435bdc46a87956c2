using Gongkai.Application.Data;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Data;

/// <summary>The schema comes from each provider's migrations, and they are complete: upgrades are migrations, not re-creation.</summary>
public sealed class MigrationTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Startup_AppliesEveryMigration_AndTheModelHasNoChangesWithoutAMigration(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);

        var (applied, all, pending, context) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync(Ct)).ToList(), db.Database.GetMigrations().ToList(), db.Database.HasPendingModelChanges(), db.GetType()));

        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.False(pending, "The model has changed without a migration: run dotnet ef migrations add for both providers (see docs/decisions).");
        Assert.Equal(provider == DatabaseProvider.Postgres ? typeof(PostgresGongkaiDbContext) : typeof(SqliteGongkaiDbContext), context);
    }

    [Theory, BothDatabases]
    public async Task SchemaInitializer_RunAgainOnAnUpToDateDatabase_IsHarmless_AndKeepsTheAuditGuard(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync(); // writes audit entries for the guard to protect

        await app.WithDbAsync(async db =>
        {
            await SchemaInitializer.EnsureSchemaAsync(db, Ct);
            return 0;
        });

        var refused = await app.WithDbAsync(async db =>
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """, Ct);
                return false;
            }
            catch (Exception ex) when (ex.Message.Contains("append-only", StringComparison.Ordinal))
            {
                return true;
            }
        });
        Assert.True(refused);
    }
}
