using System.Runtime.CompilerServices;
using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Application.Changes;

/// <summary>
/// Makes the feed's positions safe to read in order on PostgreSQL. An identity value is taken at INSERT, but
/// transactions commit in any order: writer A takes id 7, writer B takes id 8 and commits first, a reader sees 8 and
/// moves its position past 7 — and A's record, committed a moment later, would never be read. So every SaveChanges
/// that appends a change record first takes one transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>),
/// held until its transaction ends: writers of change records take their ids one transaction after another, and
/// ids become visible in commit order. Content changes are a few per minute, so the serialization costs nothing
/// that matters, and readers stay a plain <c>WHERE "Id" &gt; @position</c>. (The alternative, an overlap window
/// re-read and de-duplicated by every reader, would bound but not exclude the gap: a long transaction can outlast
/// any window.) SQLite allows one writer at a time already; there this does nothing.
/// </summary>
/// <remarks>
/// When the caller has no transaction, this opens one around the SaveChanges (EF Core would otherwise commit a
/// one-statement save on its own, releasing the lock before the insert is visible) and ends it afterwards.
/// </remarks>
public sealed class ChangeFeedWriteLock : SaveChangesInterceptor
{
    public static readonly ChangeFeedWriteLock Instance = new();

    /// <summary>The one advisory lock key of the feed ("gkchange" in ASCII).</summary>
    private const string LockSql = "SELECT pg_advisory_xact_lock(7452159308376991589)";

    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _ownTransactions = new();

    private ChangeFeedWriteLock()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsLock(eventData.Context) is { } context)
        {
            if (context.Database.CurrentTransaction is null)
            {
                _ownTransactions.Add(context, context.Database.BeginTransaction());
            }
            context.Database.ExecuteSqlRaw(LockSql);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsLock(eventData.Context) is { } context)
        {
            if (context.Database.CurrentTransaction is null)
            {
                _ownTransactions.Add(context, await context.Database.BeginTransactionAsync(cancellationToken));
            }
            await context.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } tx)
        {
            using (tx)
            {
                tx.Commit();
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } tx)
        {
            await using (tx)
            {
                await tx.CommitAsync(cancellationToken);
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } tx)
        {
            await tx.DisposeAsync();
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Take(eventData.Context)?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } tx)
        {
            await tx.DisposeAsync();
        }
    }

    private static GongkaiDbContext? NeedsLock(DbContext? context) =>
        context is GongkaiDbContext { IsPostgres: true } db
        && db.ChangeTracker.Entries<ChangeRecord>().Any(e => e.State == EntityState.Added)
            ? db
            : null;

    /// <summary>The transaction this interceptor opened for the context's current save, if any (disposing one not committed rolls it back).</summary>
    private IDbContextTransaction? Take(DbContext? context)
    {
        if (context is null || !_ownTransactions.TryGetValue(context, out var tx))
        {
            return null;
        }
        _ownTransactions.Remove(context);
        return tx;
    }
}
