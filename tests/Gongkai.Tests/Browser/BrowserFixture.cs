using Gongkai.Tests.Support;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Gongkai.Tests.Browser.BrowserFixture))]

namespace Gongkai.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, shared by all browser tests (never <c>playwright install</c>).
/// Each test opens a <see cref="BrowserSite"/>: the real app on a loopback Kestrel port with a fresh database,
/// and a fresh browser context. If Chromium cannot start, every browser test fails with the reason.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Exception? _startFailure;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not available for the browser tests: " + _startFailure?.Message, _startFailure);

    public async ValueTask InitializeAsync()
    {
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
            });
        }
        catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            _startFailure = ex;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>A running site on a fresh database, and a page in a fresh browser context pointed at it.</summary>
    public async Task<BrowserSite> OpenSiteAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var browser = Browser;
        var app = await TestApp.StartAsync(provider, postgres, kestrel: true);
        try
        {
            var baseUrl = app.Factory.ServerAddress;
            // The app's CSP (script-src 'self') would block the injected axe-core script.
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), BypassCSP = true, Locale = "zh-CN" });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            return new BrowserSite(app, baseUrl, context, page);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}

/// <summary>One test's site and browser page.</summary>
public sealed class BrowserSite(TestApp app, Uri baseUrl, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public TestApp App { get; } = app;
    public Uri BaseUrl { get; } = baseUrl;
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await App.DisposeAsync();
    }
}
