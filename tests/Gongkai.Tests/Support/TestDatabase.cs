using Microsoft.Data.Sqlite;

namespace Gongkai.Tests.Support;

/// <summary>
/// A fresh database for one test: a temp SQLite file, or a new database on the test PostgreSQL server. Empty
/// (<see cref="CreateAsync"/>, for tests of the schema set-up itself) or already migrated (<see cref="CreateMigratedAsync"/>,
/// a copy of <see cref="TemplateDatabases"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer? _server;
    private readonly string? _sqliteDir;

    private TestDatabase(DatabaseProvider provider, string connectionString, PostgresServer? server, string? sqliteDir)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _server = server;
        _sqliteDir = sqliteDir;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var cs = await postgres.CreateDatabaseAsync(ct: TestContext.Current.CancellationToken);
            return new TestDatabase(provider, cs, postgres, null);
        }
        var dir = Directory.CreateTempSubdirectory("gongkai-sqlite-").FullName;
        var file = Path.Combine(dir, "gongkai.db");
        return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString, null, dir);
    }

    /// <summary>A database at the current schema, copied from the run's template (no per-test migrations).</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var template = await TemplateDatabases.PostgresAsync(postgres);
            var cs = await postgres.CreateDatabaseAsync(template, TestContext.Current.CancellationToken);
            return new TestDatabase(provider, cs, postgres, null);
        }
        var source = await TemplateDatabases.SqliteAsync();
        var dir = Directory.CreateTempSubdirectory("gongkai-sqlite-").FullName;
        var file = Path.Combine(dir, "gongkai.db");
        File.Copy(source, file);
        return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString, null, dir);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(ConnectionString);
        }
        if (_sqliteDir is not null)
        {
            using (var c = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(c);
            }
            try
            {
                Directory.Delete(_sqliteDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp dir.
            }
        }
    }
}
