using System.Data.Common;
using Gongkai.Application.Data;
using Gongkai.Domain.Calendar;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Gongkai.Application.Calendar;

/// <summary>
/// The calendar in force read with one plain SQL query, without EF Core: for <c>gongkai calendar …</c>, which must answer
/// at once, and building the EF model costs more than the whole answer. Opens the database read-only and never creates
/// or migrates it. The query names the columns <see cref="Data.Configurations"/> maps for <see cref="Requests.CalendarOverrideRow"/>;
/// the CLI tests compare its answers with the web's after an override, so a renamed column fails a test.
/// </summary>
public static class CalendarOverrideReader
{
    public static async Task<WorkingDayCalendar> CurrentAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = OpenReadOnly(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Date", "Kind", "Source" FROM "CalendarOverrides" WHERE "RemovedAt" IS NULL""";
        var overrides = new List<CalendarOverride>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                overrides.Add(new CalendarOverride(LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(0)), (CalendarDayKind)reader.GetInt32(1), reader.GetString(2)));
            }
        }
        catch (DbException ex) when (IsMissingTable(ex))
        {
            throw new DatabaseNotInitializedException(ex);
        }
        return WorkingDayCalendarProvider.Build(overrides);
    }

    private static DbConnection OpenReadOnly(string cs)
    {
        if (DatabaseSetup.IsPostgres(cs))
        {
            return new Npgsql.NpgsqlConnection(cs);
        }
        var builder = new SqliteConnectionStringBuilder(cs) { Mode = SqliteOpenMode.ReadOnly };
        if (builder.DataSource != ":memory:" && !File.Exists(builder.DataSource))
        {
            throw new DatabaseNotFoundException(Path.GetFullPath(builder.DataSource));
        }
        return new SqliteConnection(builder.ConnectionString);
    }

    private static bool IsMissingTable(DbException ex) =>
        ex is Npgsql.PostgresException { SqlState: "42P01" }
        || (ex is SqliteException { SqliteErrorCode: 1 } && ex.Message.Contains("no such table", StringComparison.Ordinal));
}

/// <summary>The database answers but holds no platform schema (never initialised).</summary>
public sealed class DatabaseNotInitializedException(Exception inner) : Exception("The database has no Gongkai schema.", inner);

/// <summary>A SQLite file that does not exist (read-only commands never create one).</summary>
public sealed class DatabaseNotFoundException(string path) : Exception($"No database file at {path}.")
{
    public string Path { get; } = path;
}
