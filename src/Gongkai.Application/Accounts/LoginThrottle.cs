using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Accounts;

/// <summary>Failed sign-ins counted under one key: a typed user name (whether or not it exists) or a client address.</summary>
public sealed class LoginFailure
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }
}

/// <summary>
/// Slows password guessing without handing anyone a way to lock a clerk out. A user name tried from one client address
/// may fail <see cref="FreeFailures"/> times, and a client address <see cref="FreeClientFailures"/> times over all names
/// (an office behind one address has many clerks); after that every further try must wait twice as long as the one
/// before (1 s, 2 s, 4 s … at most <see cref="MaxDelay"/>), and a try made too soon is refused without checking the
/// password. The delay falls on the guessing client, not on the account: the clerk at her own desk still signs in.
/// Only after <see cref="LockAfter"/> failures of a name from all clients together — many hours of trying at the capped
/// pace — is an existing account locked until an administrator unlocks it. Names that do not exist are throttled exactly like those that do,
/// and the messages are the same, so neither reveals which names exist. Counts are kept in the database, so every web
/// node applies the same limits.
/// </summary>
public sealed class LoginThrottle(GongkaiDbContext db, PlatformClock clock)
{
    public const int FreeFailures = 5;
    public const int FreeClientFailures = 20;
    public const int LockAfter = 50;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    public static string UserKey(string userName) => "user:" + userName.Trim().ToUpperInvariant();

    public static string ClientKey(string? address) => "ip:" + (address ?? "unknown");

    /// <summary>The name as tried from one client: the key the delay is counted under.</summary>
    public static string AttemptKey(string userKey, string clientKey) => userKey + "|" + clientKey;

    /// <summary>How long after its last failure a key may try again, given the failures it may have for free.</summary>
    public static TimeSpan DelayAfter(int failures, int free = FreeFailures) =>
        failures < free ? TimeSpan.Zero
        : failures - free >= 10 ? MaxDelay
        : TimeSpan.FromSeconds(Math.Pow(2, failures - free));

    /// <summary>How long a sign-in as <paramref name="userKey"/> from <paramref name="clientKey"/> must still wait; zero when it may try.</summary>
    public async Task<TimeSpan> WaitAsync(string userKey, string clientKey, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var attemptKey = AttemptKey(userKey, clientKey);
        var rows = await db.LoginFailures.AsNoTracking().Where(f => f.Key == attemptKey || f.Key == clientKey).ToListAsync(ct);
        var wait = rows.Select(r => r.LastFailureAt + DelayAfter(r.Failures, r.Key == clientKey ? FreeClientFailures : FreeFailures) - now)
            .DefaultIfEmpty(TimeSpan.Zero).Max();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Counts a failure for the name from this client, for the client, and for the name over all clients; returns the last.</summary>
    public async Task<int> RecordFailureAsync(string userKey, string clientKey, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var count = 0;
        foreach (var key in new[] { AttemptKey(userKey, clientKey), clientKey, userKey })
        {
            var row = await db.LoginFailures.SingleOrDefaultAsync(f => f.Key == key, ct);
            if (row is null)
            {
                db.LoginFailures.Add(row = new LoginFailure { Key = key });
            }
            row.Failures++;
            row.LastFailureAt = now;
            if (key == userKey)
            {
                count = row.Failures;
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>A successful sign-in, or an administrator's unlock, forgets the user name's failures from every client.</summary>
    public Task ResetAsync(string userKey, CancellationToken ct = default) =>
        db.LoginFailures.Where(f => f.Key == userKey || f.Key.StartsWith(userKey + "|")).ExecuteDeleteAsync(ct);
}
