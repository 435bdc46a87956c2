using System.Globalization;
using System.Threading.Channels;
using Gongkai.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Cli.Bench;

/// <summary>
/// Writes generated rows of one table past EF Core, for millions of rows: binary COPY on PostgreSQL, one transaction with a
/// reused prepared INSERT on SQLite. The column list is written by hand (one accessor per column, no reflection per row)
/// and checked against the EF model before anything is written, so a schema change fails loudly instead of seeding rows
/// with a column missing.
/// </summary>
internal sealed class BulkTable<T>(string table, (string Name, NpgsqlDbType Type, Func<T, object?> Value)[] columns)
    where T : class
{
    private const int ProgressEvery = 100_000;

    /// <summary>Throws when the model's columns (all but the generated Id) and this writer's differ.</summary>
    public void CheckAgainst(GongkaiDbContext db)
    {
        var model = db.Model.FindEntityType(typeof(T))!.GetProperties().Select(p => p.GetColumnName()).Where(c => c != "Id").Order().ToList();
        var ours = columns.Select(c => c.Name).Order().ToList();
        if (!model.SequenceEqual(ours))
        {
            throw new CliException($"{table} 表结构已变化，基准数据写入器需要更新：模型 [{string.Join(",", model.Except(ours))}]，写入器 [{string.Join(",", ours.Except(model))}]。");
        }
    }

    /// <summary>Writes every batch the reader yields; prints progress every 100,000 rows. Returns the rows written.</summary>
    public Task<long> WriteAsync(GongkaiDbContext db, ChannelReader<T[]> reader, int expected, TextWriter output, CancellationToken ct) =>
        db.IsPostgres ? CopyPostgresAsync(db, reader, expected, output, ct) : InsertSqliteAsync(db, reader, expected, output, ct);

    private string ColumnList => string.Join(", ", columns.Select(c => $"\"{c.Name}\""));

    private async Task<long> CopyPostgresAsync(GongkaiDbContext db, ChannelReader<T[]> reader, int expected, TextWriter output, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var cmd = new NpgsqlCommand("SET synchronous_commit = off", conn))
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }
            long written = 0;
            await using (var importer = await conn.BeginBinaryImportAsync($"COPY \"{table}\" ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct))
            {
                // Completing a million-row COPY runs every foreign-key check at once: far longer than the 30 s default.
                importer.Timeout = TimeSpan.Zero;
                await foreach (var batch in reader.ReadAllAsync(ct))
                {
                    // Synchronous writes: they only fill Npgsql's buffer (flushed when full), and skip an async state machine
                    // per field — tens of millions of them for a million rows.
                    foreach (var row in batch)
                    {
                        importer.StartRow();
                        foreach (var (_, type, value) in columns)
                        {
                            if (value(row) is { } v)
                            {
                                importer.Write(v, type);
                            }
                            else
                            {
                                importer.WriteNull();
                            }
                        }
                    }
                    written = await ProgressAsync(output, written, batch.Length, expected);
                }
                await importer.CompleteAsync(ct);
            }
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<long> InsertSqliteAsync(GongkaiDbContext db, ChannelReader<T[]> reader, int expected, TextWriter output, CancellationToken ct)
    {
        var conn = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // A bulk load of a fresh data set: if the machine crashes midway the set is regenerated, so durability can wait.
            // The journal stays WAL: leaving it needs the database to itself, which a running web host (its change-feed
            // poller and leased workers read all the time) does not give, and the load would fail with "database is locked".
            await ExecAsync(conn, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", ct);
            long written = 0;
            await using (var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct))
            {
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                var names = columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
                cmd.CommandText = $"INSERT INTO \"{table}\" ({ColumnList}) VALUES ({string.Join(", ", names)})";
                var parameters = names.Select(n => cmd.Parameters.Add(new SqliteParameter(n, null))).ToArray();
                cmd.Prepare();
                await foreach (var batch in reader.ReadAllAsync(ct))
                {
                    foreach (var row in batch)
                    {
                        for (var i = 0; i < columns.Length; i++)
                        {
                            parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
                        }
                        cmd.ExecuteNonQuery();
                    }
                    written = await ProgressAsync(output, written, batch.Length, expected);
                }
                await tx.CommitAsync(ct);
            }
            await ExecAsync(conn, "PRAGMA synchronous=NORMAL;", ct);
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ExecAsync(SqliteConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ProgressAsync(TextWriter output, long written, int added, int expected)
    {
        var now = written + added;
        if (now / ProgressEvery != written / ProgressEvery)
        {
            await output.WriteLineAsync($"  … {now:N0} / {expected:N0}");
        }
        return now;
    }
}
