using System.Collections.Concurrent;
using System.Globalization;
using Gongkai.Application.Platform;

namespace Gongkai.Web.Limits;

/// <summary>
/// How many applications one client address may file through the public form: <see cref="PermitLimit"/> accepted
/// submissions per <see cref="Window"/> (sliding). Only accepted submissions count — a form sent back for a mistyped ID
/// number or a missing field costs the applicant nothing, so the one who corrects their typing five times is not locked
/// out, while a script filing cases in bulk is. Counted on each web node, like ASP.NET Core's rate limiters.
/// </summary>
public sealed class AcceptedSubmissionLimiter(PlatformClock clock, int permitLimit = AcceptedSubmissionLimiter.DefaultPermitLimit, TimeSpan? window = null)
{
    public const int DefaultPermitLimit = 10;

    /// <summary>Past this many tracked addresses the empty ones are dropped, so the table cannot grow without bound.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTime>> _accepted = new(StringComparer.Ordinal);

    public int PermitLimit { get; } = permitLimit;

    public TimeSpan Window { get; } = window ?? TimeSpan.FromMinutes(10);

    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>How long <paramref name="client"/> must wait before the next submission can be accepted; null when it may submit now.</summary>
    public TimeSpan? WaitFor(string client)
    {
        if (!_accepted.TryGetValue(client, out var times))
        {
            return null;
        }
        var now = clock.UtcNow;
        lock (times)
        {
            Expire(times, now);
            return times.Count < PermitLimit ? null : times.Peek() + Window - now;
        }
    }

    /// <summary>Counts one accepted submission of <paramref name="client"/>.</summary>
    public void Accepted(string client)
    {
        var now = clock.UtcNow;
        var times = _accepted.GetOrAdd(client, _ => new Queue<DateTime>());
        lock (times)
        {
            Expire(times, now);
            times.Enqueue(now);
        }
        if (_accepted.Count > PruneAbove)
        {
            Prune(now);
        }
    }

    /// <summary>The Chinese message for a client who must wait, rounded up to whole seconds or minutes.</summary>
    public static string WaitMessage(TimeSpan wait)
    {
        var seconds = RetryAfterSeconds(wait);
        var how = seconds < 60 ? $"{seconds} 秒" : $"{(seconds + 59) / 60} 分钟";
        return $"同一网络地址提交申请过于频繁，请 {how}后再提交。";
    }

    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static string RetryAfterHeader(TimeSpan wait) => RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);

    private void Expire(Queue<DateTime> times, DateTime now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }

    private void Prune(DateTime now)
    {
        foreach (var (client, times) in _accepted)
        {
            lock (times)
            {
                Expire(times, now);
                if (times.Count == 0)
                {
                    _accepted.TryRemove(new KeyValuePair<string, Queue<DateTime>>(client, times));
                }
            }
        }
    }
}
