using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Tests.Support;

/// <summary>
/// One migrated database per provider for the whole run, copied for each test: applying every migration for each of
/// several hundred tests was most of their start-up. SQLite copies the file; PostgreSQL creates the test database
/// <c>TEMPLATE</c> the migrated one. The host still runs its migrations at start, which then find nothing to do,
/// so start-up is tested as before.
/// </summary>
internal static class TemplateDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _sqliteFile;
    private static string? _postgresName;

    /// <summary>Path of a migrated SQLite file (checkpointed, no WAL side files) to copy.</summary>
    public static async Task<string> SqliteAsync()
    {
        if (_sqliteFile is not null)
        {
            return _sqliteFile;
        }
        await Gate.WaitAsync();
        try
        {
            if (_sqliteFile is null)
            {
                var dir = Directory.CreateTempSubdirectory("gongkai-template-").FullName;
                var file = Path.Combine(dir, "template.db");
                var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString;
                await MigrateAsync(cs);
                await using (var c = new SqliteConnection(cs))
                {
                    await c.OpenAsync();
                    await using var cmd = c.CreateCommand();
                    // Fold the WAL into the main file so that copying the one file copies everything.
                    cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                    await cmd.ExecuteNonQueryAsync();
                }
                _sqliteFile = file;
            }
            return _sqliteFile;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Name of a migrated PostgreSQL database to use as <c>TEMPLATE</c> (nobody stays connected to it).</summary>
    public static async Task<string> PostgresAsync(PostgresServer server)
    {
        if (_postgresName is not null)
        {
            return _postgresName;
        }
        await Gate.WaitAsync();
        try
        {
            if (_postgresName is null)
            {
                var cs = await server.CreateDatabaseAsync();
                var builder = new NpgsqlConnectionStringBuilder(cs) { Pooling = false };
                await MigrateAsync(builder.ConnectionString);
                _postgresName = builder.Database!;
            }
            return _postgresName;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task MigrateAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddGongkaiDbContext(connectionString);
        services.AddGongkaiAgencyScope();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await SchemaInitializer.EnsureSchemaAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }
}
