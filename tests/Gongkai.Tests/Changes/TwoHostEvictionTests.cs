using System.Diagnostics;
using System.Net;
using Gongkai.Application.Accounts;
using Gongkai.Application.Changes;
using Gongkai.Tests.Support;
using Gongkai.Web.Api;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gongkai.Tests.Changes;

/// <summary>
/// Two web hosts on one database, each with its own output cache (on, with the default lifetime of minutes): what
/// staff change on one is gone from, or shown on, the other's portal within 2 seconds — the change feed evicts it.
/// </summary>
public sealed class TwoHostEvictionTests(PostgresServer postgres)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient ClientOf(GongkaiFactory host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Asks <paramref name="check"/> every 100 ms until it holds; fails with the time it took if it does not within 2 s.</summary>
    private static async Task EventuallyAsync(string what, Func<Task<bool>> check)
    {
        var clock = Stopwatch.StartNew();
        while (!await check())
        {
            Assert.True(clock.Elapsed < Promise, $"{what}: still not so after {clock.Elapsed.TotalMilliseconds:0} ms (promised within {Promise.TotalMilliseconds:0} ms).");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>
    /// Waits until host B's cache evictor has handled every record written so far, and its second eviction a moment
    /// later: what the test warms afterwards stays cached until the change under test.
    /// </summary>
    private static async Task CaughtUpAsync(TwoHosts hosts)
    {
        var head = await hosts.A.WithDbAsync(db => db.ChangeRecords.MaxAsync(r => r.Id, Ct));
        var poller = hosts.B.Services.GetServices<IHostedService>().OfType<ChangeFeedPoller>().Single();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((poller.PositionOf(PortalCacheEviction.ConsumerName) ?? -1) < head)
        {
            Assert.True(DateTime.UtcNow < deadline, "Host B did not catch up with the change feed within 10 s.");
            await Task.Delay(50, Ct);
        }
        await Task.Delay(PortalCacheEviction.RenderGrace + TimeSpan.FromMilliseconds(200), Ct);
    }

    /// <summary>Loads <paramref name="url"/> twice; the second answer must come from the output cache (it carries Age).</summary>
    private static async Task<string> WarmAsync(HttpClient client, string url)
    {
        (await client.GetAsync(url, Ct)).EnsureSuccessStatusCode();
        using var cached = await client.GetAsync(url, Ct);
        cached.EnsureSuccessStatusCode();
        Assert.True(cached.Headers.Age is not null, $"{url} was not served from host B's output cache, so this test would prove nothing.");
        return await cached.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Host A (with the staff who act there) and host B on A's database.</summary>
    private sealed record TwoHosts(TestApp A, GongkaiFactory B, Gongkai.Application.Agencies.Agency Agency, StaffContext Editor, StaffContext Reviewer)
        : IAsyncDisposable
    {
        public static async Task<TwoHosts> StartAsync(DatabaseProvider provider, PostgresServer postgres)
        {
            var a = await TestApp.StartAsync(provider, postgres);
            var agency = await a.SetUpAsync();
            var editor = await a.AddStaffAsync("editor", agency.Id, Roles.Editor);
            var reviewer = await a.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
            var b = new GongkaiFactory(a.Database, a.Clock);
            _ = b.Server.BaseAddress; // start it: its feed follower starts at the head
            return new TwoHosts(a, b, agency, editor, reviewer);
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }

    [Theory, BothDatabases]
    public async Task AWithdrawalOnHostA_IsGoneFromHostBsPortal_Within2Seconds(DatabaseProvider provider)
    {
        await using var hosts = await TwoHosts.StartAsync(provider, postgres);
        var (a, b, agency, editor, reviewer) = hosts;
        var item = await a.PublishAsync(editor, reviewer, await a.ValidInputAsync(agency.Id));
        var itemUrl = PortalUrls.Item(agency.Code, item.Year, item.Serial);
        var columnUrl = PortalUrls.Column(agency.Code, "art20-11");
        await CaughtUpAsync(hosts);
        using var client = ClientOf(b);
        Assert.Contains(item.Title, await WarmAsync(client, itemUrl), StringComparison.Ordinal);
        Assert.Contains(item.Title, await WarmAsync(client, columnUrl), StringComparison.Ordinal);

        await a.WithItemsAsync(s => s.WithdrawAsync(reviewer, item.Id, "内容有误", Ct));

        await EventuallyAsync("the withdrawn item's page on host B", async () =>
        {
            using var r = await client.GetAsync(itemUrl, Ct);
            return r.StatusCode == HttpStatusCode.NotFound;
        });
        await EventuallyAsync("host B's column list without the withdrawn item", async () =>
            !(await client.GetStringAsync(columnUrl, Ct)).Contains(item.Title, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task APublicationOnHostA_ShowsOnHostBsPortal_Within2Seconds(DatabaseProvider provider)
    {
        await using var hosts = await TwoHosts.StartAsync(provider, postgres);
        var (a, b, agency, editor, reviewer) = hosts;
        const string title = "关于开展2025年森林防火检查的通知";
        var columnUrl = PortalUrls.Column(agency.Code, "art20-11");
        var agencyUrl = PortalUrls.Agency(agency.Code);
        await CaughtUpAsync(hosts);
        using var client = ClientOf(b);
        Assert.DoesNotContain(title, await WarmAsync(client, columnUrl), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await WarmAsync(client, agencyUrl), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await WarmAsync(client, "/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await WarmAsync(client, columnUrl + "/rss.xml"), StringComparison.Ordinal);

        await a.PublishAsync(editor, reviewer, await a.ValidInputAsync(agency.Id, title));

        await EventuallyAsync("the new item on host B's column list", async () =>
            (await client.GetStringAsync(columnUrl, Ct)).Contains(title, StringComparison.Ordinal));
        await EventuallyAsync("the new item on host B's agency home", async () =>
            (await client.GetStringAsync(agencyUrl, Ct)).Contains(title, StringComparison.Ordinal));
        await EventuallyAsync("the new item on host B's platform home", async () =>
            (await client.GetStringAsync("/", Ct)).Contains(title, StringComparison.Ordinal));
        await EventuallyAsync("the new item in host B's column RSS", async () =>
            (await client.GetStringAsync(columnUrl + "/rss.xml", Ct)).Contains(title, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task AWithdrawal_EvictsOnlyThePagesThatShowedTheItem(DatabaseProvider provider)
    {
        await using var hosts = await TwoHosts.StartAsync(provider, postgres);
        var (a, b, agency, editor, reviewer) = hosts;
        var other = await a.AddAgencyAsync("SLX-D09", "示例县财政局", agency.Id);
        var item = await a.PublishAsync(editor, reviewer, await a.ValidInputAsync(agency.Id));
        var itemUrl = PortalUrls.Item(agency.Code, item.Year, item.Serial);
        var untouched = new[] { PortalUrls.Column(agency.Code, "art20-01"), PortalUrls.Column(other.Code, "art20-11"), PortalUrls.Agency(other.Code) };
        await CaughtUpAsync(hosts);
        using var client = ClientOf(b);
        await WarmAsync(client, itemUrl);
        foreach (var url in untouched)
        {
            await WarmAsync(client, url);
        }

        await a.WithItemsAsync(s => s.WithdrawAsync(reviewer, item.Id, "内容有误", Ct));
        await EventuallyAsync("the withdrawn item's page on host B", async () =>
        {
            using var r = await client.GetAsync(itemUrl, Ct);
            return r.StatusCode == HttpStatusCode.NotFound;
        });

        // Another column of the same agency and another agency's pages never showed the item: still served from the cache.
        await Task.Delay(PortalCacheEviction.RenderGrace + TimeSpan.FromMilliseconds(200), Ct);
        foreach (var url in untouched)
        {
            using var r = await client.GetAsync(url, Ct);
            Assert.True(r.Headers.Age is not null, $"{url} was evicted by a change it did not show.");
        }
    }

    [Theory, BothDatabases]
    public async Task PublishingAnInterpretation_ShowsItOnTheInterpretedDocumentsPage(DatabaseProvider provider)
    {
        await using var hosts = await TwoHosts.StartAsync(provider, postgres);
        var (a, b, agency, editor, reviewer) = hosts;
        var document = await a.PublishAsync(editor, reviewer, await a.ValidInputAsync(agency.Id));
        var documentUrl = PortalUrls.Item(agency.Code, document.Year, document.Serial);
        const string title = "《关于做好2025年春耕生产工作的通知》政策解读";
        await CaughtUpAsync(hosts);
        using var client = ClientOf(b);
        Assert.DoesNotContain(title, await WarmAsync(client, documentUrl), StringComparison.Ordinal);

        await a.PublishAsync(editor, reviewer, await a.ValidInputAsync(agency.Id, title) with
        {
            DocumentKind = Gongkai.Domain.Catalog.DocumentKind.PolicyInterpretation,
            InterpretationForm = Gongkai.Domain.Catalog.InterpretationForm.Text,
            InterpretsIndexNo = document.IndexNo,
        });

        await EventuallyAsync("the new interpretation listed on the interpreted document's page on host B", async () =>
            (await client.GetStringAsync(documentUrl, Ct)).Contains(title, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task ARevisionOfAPublishedItem_ReplacesItOnHostBsPortal_OnlyWhenApproved(DatabaseProvider provider)
    {
        await using var hosts = await TwoHosts.StartAsync(provider, postgres);
        var (a, b, agency, editor, reviewer) = hosts;
        var input = await a.ValidInputAsync(agency.Id, "关于春耕生产的通知（原稿）");
        var item = await a.PublishAsync(editor, reviewer, input);
        var itemUrl = PortalUrls.Item(agency.Code, item.Year, item.Serial);
        await CaughtUpAsync(hosts);
        using var client = ClientOf(b);
        await WarmAsync(client, itemUrl);

        await a.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "关于春耕生产的通知（修订稿）" }, item.Version, Ct));
        await a.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        await CaughtUpAsync(hosts);
        using (var fresh = ClientOf(b))
        {
            // Read past the cache: the published revision itself is still what the portal renders.
            var page = await fresh.GetStringAsync(itemUrl + "?fresh=1", Ct);
            Assert.Contains("（原稿）", page, StringComparison.Ordinal);
            Assert.DoesNotContain("（修订稿）", page, StringComparison.Ordinal);
        }
        await a.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, true, "同意", Ct));

        await EventuallyAsync("the approved revision on host B's item page", async () =>
            (await client.GetStringAsync(itemUrl, Ct)).Contains("（修订稿）", StringComparison.Ordinal));
    }
}
