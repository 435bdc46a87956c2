using System.Net;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Gongkai.Tests.Operations;

/// <summary>Metrics are off unless the operator asks; with <c>Telemetry:Prometheus=true</c> they are scraped at /metrics.</summary>
public sealed class TelemetryTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_AreOffByDefault()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        using var metrics = await client.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
    }

    [Fact]
    public async Task Metrics_WhenPrometheusIsOn_IncludeHttpServerRequests()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        await using var host = app.Factory.WithWebHostBuilder(b => b.UseSetting("Telemetry:Prometheus", "true"));
        using var client = host.CreateClient();
        using var _ = await client.GetAsync("/healthz", Ct);
        using var page = await client.GetAsync("/setup", Ct);

        var text = "";
        // The exporter caches a scrape briefly; the request above may land in the next one.
        for (var i = 0; i < 20 && !text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal); i++)
        {
            await Task.Delay(i == 0 ? 0 : 250, Ct);
            text = await client.GetStringAsync("/metrics", Ct);
        }

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_", text, StringComparison.Ordinal); // the runtime's own
    }
}
