using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Audit;

/// <summary>What <see cref="AuditChainVerifier"/> found: the chain intact up to its head, or its first broken link.</summary>
/// <param name="Checked">Entries read in chain order before the first break (all of them when intact).</param>
/// <param name="BrokenAtSeq">Sequence number where the chain first breaks; null when intact.</param>
/// <param name="Problem">Why it breaks there, in Chinese, for the operator; null when intact.</param>
public sealed record AuditChainReport(long Checked, long HeadSeq, string HeadHash, long? BrokenAtSeq, long? BrokenEntryId, string? Problem)
{
    public bool IsIntact => Problem is null;
}

/// <summary>
/// Walks the audit log in chain order and recomputes every link. It detects entries changed (hash differs), removed
/// (a gap in the numbers, or fewer entries than the head counts), inserted again with other content, and a log emptied
/// while the head survived. A rewrite of the whole chain and its head is beyond what a chain stored in the same
/// database can show: operators keep the head hash printed by <c>gongkai audit verify</c> elsewhere and compare.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditChainReport> VerifyAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var (seq, hash) = (0L, AuditChain.Genesis);
        // The verifier sees every agency's entries: the chain runs across the whole platform.
        await foreach (var entry in db.AuditEntries.OutsideAgencyScope(ScopeOptOut.AuditVerification).AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Seq != seq + 1)
            {
                return Broken(seq + 1, entry.Id, entry.Seq > seq + 1
                    ? $"第 {seq + 1} 至 {entry.Seq - 1} 条记录缺失（被删除）。"
                    : $"记录编号 {entry.Seq} 不应出现在第 {seq + 1} 条的位置。");
            }
            if (!string.Equals(entry.PrevHash, hash, StringComparison.Ordinal))
            {
                return Broken(entry.Seq, entry.Id, $"第 {entry.Seq} 条记录所链接的前一条哈希与第 {seq} 条不符（前面的记录被替换或重新写入）。");
            }
            if (!string.Equals(AuditChain.Hash(hash, entry), entry.Hash, StringComparison.Ordinal))
            {
                return Broken(entry.Seq, entry.Id, $"第 {entry.Seq} 条记录的内容与其哈希不符（被修改）。");
            }
            (seq, hash) = (entry.Seq, entry.Hash);
        }
        if (seq != head.Seq)
        {
            return Broken(seq + 1, null, seq < head.Seq
                ? $"链头记录共有 {head.Seq} 条，实际只有 {seq} 条：第 {seq + 1} 条起的记录缺失（被删除或清空）。"
                : $"实际有 {seq} 条记录，链头只记到第 {head.Seq} 条：有记录绕过应用写入。");
        }
        if (!string.Equals(hash, head.Hash, StringComparison.Ordinal))
        {
            return Broken(seq, null, "最后一条记录的哈希与链头不符（链头或末尾记录被改写）。");
        }
        return new AuditChainReport(seq, head.Seq, head.Hash, null, null, null);

        AuditChainReport Broken(long at, long? entryId, string problem) => new(seq, head.Seq, head.Hash, at, entryId, problem);
    }
}
