extern alias cli;

using cli::Gongkai.Cli;
using Gongkai.Tests.Support;
using Npgsql;

namespace Gongkai.Tests.Cli;

/// <summary><c>gongkai calendar …</c> only reads: it never creates a directory, a file, a schema or a row. No command creates a directory a connection string names.</summary>
public sealed class ReadOnlyCommandTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CalendarCommand_OnAPathIntoAMissingDirectory_IsDatabaseUnavailable_AndCreatesNothing()
    {
        var parent = Directory.CreateTempSubdirectory("gongkai-ro-").FullName;
        var missing = Path.Combine(parent, "no-such-dir");

        var result = await GongkaiCli.RunOnAsync($"Data Source={Path.Combine(missing, "gongkai.db")}", "calendar", "is-workday", "2026-10-08");

        Assert.Equal(CliApp.DatabaseUnavailable, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith($"错误：数据库文件不存在：{Path.Combine(missing, "gongkai.db")}", result.Error, StringComparison.Ordinal);
        Assert.Contains("gongkai db init", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
        Directory.Delete(parent);
    }

    [Fact]
    public async Task AnyCommand_WithAConnectionStringIntoAMissingDirectory_IsDatabaseUnavailable_NotAMkdir()
    {
        var parent = Directory.CreateTempSubdirectory("gongkai-ro-").FullName;
        var missing = Path.Combine(parent, "typo");

        var result = await GongkaiCli.RunOnAsync($"Data Source={Path.Combine(missing, "gongkai.db")}", "db", "init");

        Assert.Equal(CliApp.DatabaseUnavailable, result.ExitCode);
        Assert.StartsWith("错误：无法连接数据库（SQLite ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
        Directory.Delete(parent);
    }

    [Theory, BothDatabases]
    public async Task CalendarCommand_OnADatabaseWithoutTheSchema_SaysSo_AndDoesNotCreateIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        if (provider == DatabaseProvider.Sqlite)
        {
            // An empty file, as a mistyped path to another program's database would be.
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            await File.WriteAllBytesAsync(file, [], Ct);
        }

        var isWorkday = await GongkaiCli.RunAsync(database, "calendar", "is-workday", "2026-10-08");
        var addWorkdays = await GongkaiCli.RunAsync(database, "calendar", "add-workdays", "2026-09-30", "1");

        foreach (var result in new[] { isWorkday, addWorkdays })
        {
            Assert.Equal(CliApp.DatabaseUnavailable, result.ExitCode);
            Assert.Equal("", result.Out);
            Assert.Contains("尚未初始化", result.Error, StringComparison.Ordinal);
            Assert.Contains("gongkai db init", result.Error, StringComparison.Ordinal);
        }
        Assert.Equal(0, await TableCountAsync(provider, database));
    }

    private static async Task<long> TableCountAsync(DatabaseProvider provider, TestDatabase database)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await using var pg = new NpgsqlConnection(database.ConnectionString);
            await pg.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", pg);
            return (long)(await command.ExecuteScalarAsync(Ct))!;
        }
        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync(Ct);
        await using var count = sqlite.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }
}
