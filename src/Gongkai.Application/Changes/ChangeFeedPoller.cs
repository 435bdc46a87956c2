using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Application.Changes;

/// <summary>
/// Polls the feed every <see cref="ChangeFeedOptions.PollInterval"/> and hands new records to each registered
/// <see cref="IChangeConsumer"/>, each from its own position. Runs in every web node: node-local consumers (the
/// output cache) must run on each, and a durable consumer's stored position keeps nodes from moving it backwards.
/// </summary>
public sealed class ChangeFeedPoller(
    IServiceScopeFactory scopes,
    IEnumerable<IChangeConsumer> consumers,
    ChangeFeedOptions options,
    ILogger<ChangeFeedPoller> logger) : BackgroundService
{
    private readonly IChangeConsumer[] _consumers = [.. consumers];

    /// <summary>Where each consumer stands in this process; a consumer not yet here is placed on its first poll.</summary>
    private readonly ConcurrentDictionary<string, long> _positions = new(StringComparer.Ordinal);

    /// <summary>The last position <paramref name="consumer"/> has handled in this process; null before its first poll.</summary>
    public long? PositionOf(string consumer) => _positions.TryGetValue(consumer, out var position) ? position : null;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Node-local consumers begin at the head before the host serves its first request: their state (a cache) is
        // empty at start-up, so nothing older concerns them. If the database is not reachable yet, the first poll does it.
        try
        {
            await PlaceNodeLocalConsumersAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Change feed: could not read the head at start-up; retrying on the first poll.");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_consumers.Length == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            await PollOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every consumer catches up to the head. A failing consumer is retried next round; the others go on.</summary>
    public async Task PollOnceAsync(CancellationToken ct)
    {
        foreach (var consumer in _consumers)
        {
            try
            {
                await CatchUpAsync(consumer, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Change feed consumer {Consumer} failed; retrying on the next poll.", consumer.Name);
            }
        }
    }

    private async Task PlaceNodeLocalConsumersAsync(CancellationToken ct)
    {
        if (_consumers.All(c => c.Durable))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var head = await scope.ServiceProvider.GetRequiredService<ChangeFeedReader>().HeadAsync(ct);
        foreach (var consumer in _consumers.Where(c => !c.Durable))
        {
            _positions.TryAdd(consumer.Name, head);
        }
    }

    private async Task CatchUpAsync(IChangeConsumer consumer, CancellationToken ct)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<ChangeFeedReader>();
            if (!_positions.TryGetValue(consumer.Name, out var position))
            {
                position = consumer.Durable ? await reader.PositionAsync(consumer.Name, ct) : await reader.HeadAsync(ct);
                _positions[consumer.Name] = position;
            }
            var batch = await reader.ReadAsync(position, options.BatchSize, ct);
            if (batch.Count == 0)
            {
                return;
            }
            await consumer.HandleAsync(batch, scope.ServiceProvider, ct);
            var next = batch[^1].Id;
            // Handled is handled: the position is saved even while the host stops, so the batch is not delivered again.
            if (consumer.Durable && !await reader.AdvanceAsync(consumer.Name, position, next, CancellationToken.None))
            {
                // Another node moved this consumer on; continue from where it stands.
                _positions.TryRemove(consumer.Name, out _);
                continue;
            }
            _positions[consumer.Name] = next;
            if (batch.Count < options.BatchSize)
            {
                return;
            }
        }
    }
}
