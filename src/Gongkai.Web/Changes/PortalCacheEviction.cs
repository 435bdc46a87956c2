using Gongkai.Application.Changes;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Changes;

/// <summary>
/// Node-local consumer of the change feed: evicts this node's cached public pages that a change can alter. Each
/// node has its own in-memory cache, so each runs this from the head of the feed at start-up (the cache is empty then).
/// </summary>
public sealed class PortalCacheEviction(IOutputCacheStore store, ILogger<PortalCacheEviction> logger) : IChangeConsumer
{
    /// <summary>
    /// A request that read the database just before the change committed can finish rendering and store its stale
    /// page just after the eviction. Evicting the same tags once more after this grace removes such a page too,
    /// instead of leaving it until it expires.
    /// </summary>
    public static readonly TimeSpan RenderGrace = TimeSpan.FromSeconds(1);

    public const string ConsumerName = "portal-output-cache";

    public string Name => ConsumerName;

    public bool Durable => false;

    public async Task HandleAsync(IReadOnlyList<ChangeRecord> changes, IServiceProvider scope, CancellationToken ct)
    {
        var tags = changes.SelectMany(PortalCacheTags.For).ToHashSet(StringComparer.Ordinal);
        if (tags.Contains(PortalCacheTags.All))
        {
            tags = [PortalCacheTags.All];
        }
        await EvictAsync(tags, ct);
        _ = EvictAgainAsync(tags, ct);
    }

    private async Task EvictAgainAsync(IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        try
        {
            await Task.Delay(RenderGrace, ct);
            await EvictAsync(tags, ct);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; its cache goes with it.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Second eviction of portal cache tags failed.");
        }
    }

    private async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }
}
