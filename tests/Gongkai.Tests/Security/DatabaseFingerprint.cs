using System.Security.Cryptography;
using System.Text;
using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Security;

/// <summary>
/// Every row of every table of the model, read with plain SQL and hashed per table: two equal fingerprints mean nothing
/// was inserted, changed or deleted in between.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(GongkaiDbContext db, CancellationToken ct, params string[] except)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
            .Where(t => !except.Contains(t, StringComparer.Ordinal)).Order(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync(ct);
                var rows = new List<string>();
                while (await reader.ReadAsync(ct))
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var value = reader.GetValue(i);
                        row.Append(value is byte[] bytes ? Convert.ToHexString(SHA256.HashData(bytes)) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                    }
                    rows.Add(row.ToString());
                }
                rows.Sort(StringComparer.Ordinal);
                result[table] = $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16]}";
            }
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
