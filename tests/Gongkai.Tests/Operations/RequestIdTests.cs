using System.Collections.Concurrent;
using System.Net;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Operations;

/// <summary>One request id: in the response header, on the Chinese error page a citizen can quote, and in every log scope.</summary>
public sealed class RequestIdTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryResponse_CarriesItsRequestId_AndTheErrorPageShowsIt()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        using var home = await client.GetAsync("/", Ct);
        using var missing = await client.GetAsync("/no-such-page", Ct);
        var page = await missing.Content.ReadAsStringAsync(Ct);

        var homeId = Assert.Single(home.Headers.GetValues("X-Request-Id"));
        var missingId = Assert.Single(missing.Headers.GetValues("X-Request-Id"));
        Assert.NotEqual(homeId, missingId);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains($"请求编号：<code>{missingId}</code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogEntries_WrittenDuringARequest_CarryItsRequestId()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        var sink = new ScopeSink();
        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(sink));
        });
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/healthz", Ct);
        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));

        Assert.Contains(sink.Entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics"
            && e.Scopes.TryGetValue("RequestId", out var logged) && Equals(logged, id));
    }

    /// <summary>A logger provider that records each entry with the properties of its scopes (as the JSON console does).</summary>
    private sealed class ScopeSink : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentBag<(string Category, Dictionary<string, object?> Scopes)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeSink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => sink._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new Dictionary<string, object?>();
                sink._scopes.ForEachScope((scope, bag) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            bag[key] = value;
                        }
                    }
                }, scopes);
                sink.Entries.Add((category, scopes));
            }
        }
    }
}
