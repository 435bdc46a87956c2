using System.Threading.Channels;
using Gongkai.Application.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongkai.Application.Operations;

/// <summary>
/// Background work that runs outside HTTP requests on exactly one node at a time. Every <see cref="Interval"/> (or at
/// once after <see cref="Wake"/>) the worker takes or renews its <see cref="Lease"/> and, only while it holds it, does
/// <see cref="WorkAsync"/>. The lease lasts <see cref="LeaseDuration"/>, several intervals, so a holder that stops
/// (crash, lost network) is replaced by another node once it expires; a holder that shuts down gives it back.
/// </summary>
public abstract class LeasedBackgroundService(IServiceScopeFactory scopes, PlatformClock clock, ILogger logger) : BackgroundService
{
    /// <summary>For the work's own scopes (one DbContext per round).</summary>
    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected PlatformClock Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    // One round at a time per worker: a round started by Wake or a caller never overlaps the loop's, so a renewal
    // computed from an earlier "now" cannot land after a later one and shorten the lease.
    private readonly SemaphoreSlim _round = new(1, 1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The lease's name; one per kind of work, the same on every node.</summary>
    public abstract string LeaseName { get; }

    /// <summary>How often the worker tries to take the lease and work.</summary>
    public abstract TimeSpan Interval { get; }

    /// <summary>How long a taken lease lasts without renewal: four intervals, at least a minute.</summary>
    public virtual TimeSpan LeaseDuration => Interval * 4 > TimeSpan.FromMinutes(1) ? Interval * 4 : TimeSpan.FromMinutes(1);

    /// <summary>This worker's name in the lease table: machine, process and instance (tests run several per process).</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Whether the last attempt held the lease.</summary>
    public bool HoldsLease { get; private set; }

    /// <summary>False: the worker does not start at all (e.g. reminders without SMTP).</summary>
    protected virtual bool Enabled => true;

    /// <summary>The work itself, run only while this worker holds the lease. Must be safe to repeat.</summary>
    protected abstract Task WorkAsync(CancellationToken ct);

    /// <summary>Called when the lease was not held (another node has it): forget per-holder state.</summary>
    protected virtual void OnLeaseNotHeld()
    {
    }

    /// <summary>Asks the worker to run soon rather than at the next interval (e.g. after a change on this node).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>One round: take or renew the lease, and work if it is held. True when this worker did the work.</summary>
    public async Task<bool> TickAsync(CancellationToken ct = default)
    {
        await _round.WaitAsync(ct);
        try
        {
            await using (var scope = Scopes.CreateAsyncScope())
            {
                HoldsLease = await scope.ServiceProvider.GetRequiredService<LeaseStore>().TryAcquireAsync(LeaseName, Holder, Clock.UtcNow, LeaseDuration, ct);
            }
            if (!HoldsLease)
            {
                OnLeaseNotHeld();
                return false;
            }
            await WorkAsync(ct);
            return true;
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Logger.LogError(ex, "后台任务 {Lease} 本轮运行失败，稍后重试。", LeaseName);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Interval);
            try
            {
                await _wake.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The interval passed without a wake-up: the next round.
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!HoldsLease)
        {
            return;
        }
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LeaseStore>().ReleaseAsync(LeaseName, Holder, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The host is already torn down (its services disposed): the lease expires on its own.
        }
        catch (Exception ex)
        {
            // Best effort: the lease expires on its own.
            Logger.LogInformation(ex, "后台任务 {Lease} 的租约未能在停止时释放，将在到期后由其他节点接管。", LeaseName);
        }
    }
}
