using Gongkai.Application.Calendar;
using Gongkai.Application.Operations;
using Gongkai.Application.Platform;
using Gongkai.Domain.Calendar;
using Gongkai.Tests.Requests;
using Gongkai.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Operations;

/// <summary>Background work runs under a lease in the database, so several nodes on one database never run it twice.</summary>
public sealed class LeaseTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task TwoWorkersOnOneDatabase_OnlyOneHoldsTheLeaseAtATime_AndKeepsItWhileRenewing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (a, b) = (Job(app), Job(app));

        var rounds = new List<bool[]>();
        for (var i = 0; i < 10; i++)
        {
            rounds.Add(await Task.WhenAll(a.TickAsync(Ct), b.TickAsync(Ct)));
            app.Clock.Advance(Duration.FromSeconds(15));
        }

        Assert.All(rounds, r => Assert.Single(r, ran => ran));
        var winner = rounds[0][0] ? a : b;
        Assert.Equal(10, winner.Runs);
        Assert.Equal(0, (winner == a ? b : a).Runs);
        Assert.Equal(winner.Holder, await HolderAsync(app, a.LeaseName));
    }

    [Theory, BothDatabases]
    public async Task ALeaseNotRenewed_IsTakenOverAfterItExpires(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (a, b) = (Job(app), Job(app));
        Assert.True(await a.TickAsync(Ct));

        var beforeExpiry = await b.TickAsync(Ct);
        app.Clock.Advance(Duration.FromTimeSpan(a.LeaseDuration - TimeSpan.FromSeconds(1)));
        var justBefore = await b.TickAsync(Ct);
        app.Clock.Advance(Duration.FromSeconds(2)); // a stopped renewing (crashed): its lease has run out
        var after = await b.TickAsync(Ct);
        var formerHolder = await a.TickAsync(Ct);

        Assert.False(beforeExpiry);
        Assert.False(justBefore);
        Assert.True(after);
        Assert.False(formerHolder);
        Assert.Equal(b.Holder, await HolderAsync(app, a.LeaseName));
    }

    [Theory, BothDatabases]
    public async Task AWorkerThatStops_GivesItsLeaseBack(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (a, b) = (Job(app), Job(app));
        await a.StartAsync(Ct);
        while (!a.HoldsLease)
        {
            await Task.Delay(20, Ct);
        }

        await a.StopAsync(Ct);

        Assert.True(await b.TickAsync(Ct)); // at once, not after the lease would have expired
    }

    [Theory, BothDatabases]
    public async Task ACalendarChange_IsRecomputedByTheLeaseHolder_NotInTheAdminsRequest(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var admin = await app.AdminAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var open = await app.RegisterInPersonAsync(clerk); // received Friday 14 March 2025, due 14 April
        var worker = app.Factory.Services.GetRequiredService<CalendarRecomputeWorker>();
        // Another node holds the lease: this node's worker must leave the recompute to it.
        app.Clock.Advance(Duration.FromTimeSpan(worker.LeaseDuration + TimeSpan.FromSeconds(1)));
        var otherNode = await app.InScopeAsync(sp => sp.GetRequiredService<LeaseStore>().TryAcquireAsync(worker.LeaseName, "other-node", app.Clock.GetCurrentInstant().ToDateTimeUtc(), TimeSpan.FromMinutes(1), Ct));

        await app.InScopeAsync(sp => sp.GetRequiredService<CalendarService>().AddAsync(admin, new DateOnly(2025, 4, 14), CalendarDayKind.Rest, "示例县防汛应急停工通知", Ct));
        var whileOtherHolds = await worker.TickAsync(Ct);
        var unchanged = await app.LoadAsync(open.Id);
        app.Clock.Advance(Duration.FromMinutes(2)); // the other node is gone
        var tookOver = await worker.TickAsync(Ct); // this node's next round
        var moved = await app.LoadAsync(open.Id);

        Assert.True(otherNode);
        Assert.False(whileOtherHolds);
        Assert.True(tookOver);
        Assert.Equal(D(2025, 4, 14), unchanged.DueOn);
        Assert.Equal(D(2025, 4, 15), moved.DueOn);
        Assert.Equal(worker.Holder, await HolderAsync(app, worker.LeaseName));
    }

    private static Task<string?> HolderAsync(TestApp app, string name) =>
        app.InScopeAsync(sp => sp.GetRequiredService<LeaseStore>().HolderAsync(name, app.Clock.GetCurrentInstant().ToDateTimeUtc(), Ct));

    private static CountingJob Job(TestApp app) =>
        new(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), app.Factory.Services.GetRequiredService<PlatformClock>());

    /// <summary>A job that counts its runs, under its own lease.</summary>
    private sealed class CountingJob(IServiceScopeFactory scopes, PlatformClock clock) : LeasedBackgroundService(scopes, clock, NullLogger.Instance)
    {
        private int _runs;

        public int Runs => _runs;

        public override string LeaseName => "test-counting-job";

        public override TimeSpan Interval => TimeSpan.FromSeconds(15);

        protected override Task WorkAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }
}
