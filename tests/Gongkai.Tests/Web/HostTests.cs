using System.Net;
using System.Net.Sockets;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Web;

/// <summary>The host itself: the setup redirect, security headers, the IPv6 listener.</summary>
public sealed class HostTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task HomePage_OnEmptyDatabase_RedirectsToSetup(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        using var client = app.Client();

        using var home = await client.GetAsync("/", Ct);
        using var setup = await client.GetAsync("/setup", Ct);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var csp = setup.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        // A form injected into a page cannot post elsewhere, nor a <base> redirect relative links.
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Site_AnswersOnIpv6Loopback(DatabaseProvider provider)
    {
        Assert.True(Socket.OSSupportsIPv6, "IPv6 is not available on this machine.");
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var _ = database;
        await using var factory = new GongkaiFactory(database, new FakeClock(), kestrel: true, listenUrl: "http://[::1]:0");
        var address = factory.ServerAddress;
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(address, "/setup"), Ct);

        Assert.Equal("[::1]", address.Host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
