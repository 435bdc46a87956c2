using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Changes;

/// <summary>Reads the feed in position order and keeps durable consumers' positions.</summary>
public sealed class ChangeFeedReader(GongkaiDbContext db, PlatformClock clock)
{
    /// <summary>The newest position, 0 on an empty feed.</summary>
    public async Task<long> HeadAsync(CancellationToken ct = default) =>
        await db.ChangeRecords.OutsideAgencyScope(ScopeOptOut.BackgroundJob).MaxAsync(r => (long?)r.Id, ct) ?? 0;

    /// <summary>
    /// Records after <paramref name="position"/>, oldest first. A plain range read is enough: writers serialize
    /// (<see cref="ChangeFeedWriteLock"/>), so no smaller id can commit after a larger one has been seen.
    /// </summary>
    public Task<List<ChangeRecord>> ReadAsync(long position, int max, CancellationToken ct = default) =>
        db.ChangeRecords.OutsideAgencyScope(ScopeOptOut.BackgroundJob).AsNoTracking().Where(r => r.Id > position).OrderBy(r => r.Id).Take(max).ToListAsync(ct);

    /// <summary>A durable consumer's stored position; a consumer seen for the first time starts at 0, the whole feed.</summary>
    public async Task<long> PositionAsync(string consumer, CancellationToken ct = default)
    {
        if (await db.ChangeFeedPositions.AsNoTracking().Where(p => p.Consumer == consumer).Select(p => (long?)p.Position).SingleOrDefaultAsync(ct) is { } stored)
        {
            return stored;
        }
        db.ChangeFeedPositions.Add(new ChangeFeedPosition { Consumer = consumer, Position = 0, UpdatedAt = clock.UtcNow });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node registered the same consumer a moment earlier: its row stands.
            db.ChangeTracker.Clear();
        }
        return await db.ChangeFeedPositions.AsNoTracking().Where(p => p.Consumer == consumer).Select(p => p.Position).SingleAsync(ct);
    }

    /// <summary>
    /// Moves a durable consumer from <paramref name="from"/> to <paramref name="to"/>; false if the stored position is no
    /// longer <paramref name="from"/> (another node running the same consumer got there first), so it never goes back.
    /// </summary>
    public async Task<bool> AdvanceAsync(string consumer, long from, long to, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var updated = await db.ChangeFeedPositions.Where(p => p.Consumer == consumer && p.Position == from)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, to).SetProperty(p => p.UpdatedAt, now), ct);
        return updated == 1;
    }
}
