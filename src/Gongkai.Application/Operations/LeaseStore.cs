using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Operations;

/// <summary>
/// Takes, renews and gives back <see cref="Lease"/>s with single statements, so two workers racing for one lease on
/// SQLite or PostgreSQL cannot both win: the row is created once (insert that ignores a conflict), then one
/// conditional UPDATE claims it only if it is free, expired or already ours, and the affected-row count says who won.
/// </summary>
public sealed class LeaseStore(GongkaiDbContext db)
{
    /// <summary>Takes or renews the lease until <paramref name="now"/> + <paramref name="duration"/>; true when held.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, DateTime now, TimeSpan duration, CancellationToken ct = default)
    {
        var free = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);
        // The same statement on both providers: both accept INSERT … ON CONFLICT DO NOTHING.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Leases" ("Name", "Holder", "ExpiresAt") VALUES ({name}, {""}, {free}) ON CONFLICT ("Name") DO NOTHING""", ct);
        var expiresAt = now + duration;
        var claimed = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt), ct);
        return claimed == 1;
    }

    /// <summary>Gives the lease back (on shutdown), so another node need not wait for it to expire.</summary>
    public Task ReleaseAsync(string name, string holder, CancellationToken ct = default)
    {
        var free = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);
        return db.Leases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, free), ct);
    }

    /// <summary>Who holds the lease now (null when free or expired).</summary>
    public async Task<string?> HolderAsync(string name, DateTime now, CancellationToken ct = default) =>
        await db.Leases.AsNoTracking().Where(l => l.Name == name && l.ExpiresAt >= now).Select(l => l.Holder).SingleOrDefaultAsync(ct);
}
