using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Audit;

/// <summary>Links the audit entries a unit of work adds onto the chain, inside that unit's transaction.</summary>
internal static class AuditChainWriter
{
    /// <summary>
    /// Locks the chain's head (an UPDATE of its row: a row lock on PostgreSQL, the write lock on SQLite, held to the end
    /// of the transaction, so concurrent appends queue instead of forking the chain), then numbers and hashes
    /// <paramref name="added"/> in order and moves the head past them.
    /// </summary>
    public static async Task ChainAsync(GongkaiDbContext db, IReadOnlyList<AuditEntry> added, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditChainHeads" SET "Seq" = "Seq" WHERE "Id" = 1""", ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var (seq, hash) = (head.Seq, head.Hash);
        foreach (var entry in added)
        {
            entry.At = AuditChain.Microseconds(entry.At);
            entry.Seq = ++seq;
            entry.PrevHash = hash;
            entry.Hash = hash = AuditChain.Hash(entry.PrevHash, entry);
        }
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditChainHeads" SET "Seq" = {seq}, "Hash" = {hash} WHERE "Id" = 1""", ct);
    }

    public static void Chain(GongkaiDbContext db, IReadOnlyList<AuditEntry> added) =>
        ChainAsync(db, added, CancellationToken.None).GetAwaiter().GetResult();
}
