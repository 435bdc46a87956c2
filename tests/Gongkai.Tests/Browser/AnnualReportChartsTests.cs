using Gongkai.Tests.Reports.Outputs;
using Gongkai.Tests.Support;
using Gongkai.Web.Pages.Shared.Reports;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The report partial in Chromium under the platform's own CSP: the vendored ECharts draws both charts from the JSON
/// block with no policy violation, and the tables pass axe. The HTML is the partial rendered by the app's Razor engine,
/// served at a path of the running site (no page of the app shows a report yet).
/// </summary>
public sealed class AnnualReportChartsTests(BrowserFixture browser, PostgresServer postgres)
{
    [Fact]
    public async Task Charts_AreDrawnUnderTheSitesCsp_AndTheTablesAreAccessible()
    {
        await using var site = await browser.OpenSiteAsync(DatabaseProvider.Sqlite, postgres);
        await site.App.SetUpAsync();
        var view = AnnualReportView.For(ReportSamples.Golden("report-2021.json"), [new(2019, 12), new(2020, 16)]);
        var html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>年度报告</title></head><body><main><h1>年度报告</h1>"
            + await AnnualReportPartialTests.RenderAsync(site.App, view) + "</main></body></html>";
        var previewUrl = new Uri(site.BaseUrl, "/report-preview").ToString();

        var strict = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl.ToString() });
        try
        {
            var page = await strict.NewPageAsync();
            var home = await page.GotoAsync("/");
            var csp = home!.Headers["content-security-policy"];
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            var problems = new List<string>();
            page.Console += (_, m) => { if (m.Type is "error" or "warning") { problems.Add(m.Text); } };
            page.PageError += (_, e) => problems.Add(e);
            await page.RouteAsync(previewUrl, route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "text/html; charset=utf-8", Body = html,
                Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = csp },
            }));

            await page.GotoAsync(previewUrl);

            await Assertions.Expect(page.Locator("section.report-charts")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-chart=outcomes] canvas")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-chart=trend] canvas")).ToHaveCountAsync(1);
            Assert.Empty(problems);
        }
        finally
        {
            await strict.CloseAsync();
        }

        await site.Page.RouteAsync(previewUrl, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await site.Page.GotoAsync(previewUrl);
        await Accessibility.AssertNoSeriousViolationsAsync(site.Page);
    }
}
