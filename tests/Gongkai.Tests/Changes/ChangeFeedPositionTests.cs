using Gongkai.Application;
using Gongkai.Application.Changes;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gongkai.Tests.Changes;

/// <summary>A durable consumer keeps its position in the database: after a restart it goes on where it stopped.</summary>
public sealed class ChangeFeedPositionTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Everything the test consumer was handed, across hosts.</summary>
    public sealed class Seen
    {
        public List<long> Ids { get; } = [];
    }

    public sealed class RecordingConsumer(Seen seen) : IChangeConsumer
    {
        public string Name => "test-durable";
        public bool Durable => true;

        public Task HandleAsync(IReadOnlyList<ChangeRecord> changes, IServiceProvider scope, CancellationToken ct)
        {
            lock (seen)
            {
                seen.Ids.AddRange(changes.Select(c => c.Id));
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>A plain host (no web) that follows the feed of <paramref name="app"/>'s database with the recording consumer.</summary>
    private static IHost FollowerHost(TestApp app, Seen seen)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:Gongkai"] = app.Database.ConnectionString;
        builder.Configuration["ChangeFeed:PollMilliseconds"] = "50";
        builder.Services.AddLogging();
        builder.Services.AddGongkai(builder.Configuration);
        builder.Services.AddChangeFeedPolling(builder.Configuration);
        builder.Services.AddSingleton(seen);
        builder.Services.AddChangeConsumer<RecordingConsumer>();
        return builder.Build();
    }

    private static async Task WaitUntilSeenAsync(TestApp app, Seen seen)
    {
        var head = await app.WithDbAsync(db => db.ChangeRecords.MaxAsync(r => r.Id, Ct));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (seen)
            {
                if (seen.Ids.Contains(head))
                {
                    return;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"The consumer did not reach position {head} within 10 s.");
            await Task.Delay(50, Ct);
        }
    }

    [Theory, BothDatabases]
    public async Task ADurableConsumer_SeesEachRecordOnce_AcrossARestart(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var first = await app.PublishAsync(editor, reviewer, await app.ValidInputAsync(agency.Id));
        var seen = new Seen();

        // A consumer seen for the first time starts at the beginning: it gets what was written before it existed.
        using (var host = FollowerHost(app, seen))
        {
            await host.StartAsync(Ct);
            await WaitUntilSeenAsync(app, seen);
            await host.StopAsync(Ct);
        }
        await app.PublishAsync(editor, reviewer, await app.ValidInputAsync(agency.Id, "关于开展2025年森林防火检查的通知"));
        await app.WithItemsAsync(s => s.WithdrawAsync(reviewer, first.Id, "已过时", Ct));
        using (var host = FollowerHost(app, seen))
        {
            await host.StartAsync(Ct);
            await WaitUntilSeenAsync(app, seen);
            await host.StopAsync(Ct);
        }

        var all = await app.WithDbAsync(db => db.ChangeRecords.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Ct));
        Assert.Equal(all, seen.Ids);
        var stored = await app.WithDbAsync(db => db.ChangeFeedPositions.SingleAsync(p => p.Consumer == "test-durable", Ct));
        Assert.Equal(all[^1], stored.Position);
    }
}
