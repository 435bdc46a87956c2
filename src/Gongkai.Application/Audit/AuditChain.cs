using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Application.Audit;

/// <summary>
/// The audit log as a hash chain: entry n carries SHA-256(hash of entry n−1, its own fields), and the chain's head
/// (last sequence number and hash) is kept in <see cref="AuditChainHead"/>. The database's triggers stop UPDATE and
/// DELETE through the application's connection; the chain makes any change made another way — an UPDATE with the
/// triggers dropped, a DELETE, a TRUNCATE, a row inserted again with other content — evident to
/// <c>gongkai audit verify</c>.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>
    /// The hash of <paramref name="entry"/> chained to <paramref name="previousHash"/>. Every field is written with its
    /// length, so no two different entries encode alike; <see cref="AuditEntry.At"/> is taken to the microsecond, the
    /// finest instant both databases store.
    /// </summary>
    public static string Hash(string previousHash, AuditEntry entry)
    {
        var text = new StringBuilder(256).Append(previousHash);
        void Field(string? value) => text.Append('|').Append(value?.Length ?? -1).Append(':').Append(value);
        Field(entry.Seq.ToString(CultureInfo.InvariantCulture));
        Field(Microseconds(entry.At).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        Field(entry.UserId);
        Field(entry.UserName);
        Field(entry.AgencyId?.ToString(CultureInfo.InvariantCulture));
        Field(entry.Action);
        Field(entry.EntityType);
        Field(entry.EntityId);
        Field(entry.Detail);
        Field(entry.IpAddress);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Drops what a PostgreSQL <c>timestamp</c> cannot hold, so the hash computed before saving matches the stored row.</summary>
    public static DateTime Microseconds(DateTime at) => new(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);
}

/// <summary>The single row holding the chain's head; updating it first serialises appends on both databases.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Seq { get; set; }
    public required string Hash { get; set; }
}
