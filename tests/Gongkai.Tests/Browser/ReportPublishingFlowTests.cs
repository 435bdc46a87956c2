using Gongkai.Tests.Browser.Pages;
using Gongkai.Tests.Reports;
using Gongkai.Tests.Support;
using Microsoft.Playwright;
using static Gongkai.Tests.Requests.RequestKit;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The accepted report (submitted, returned, fixed, accepted) is published by the bureau's head from its page in Chromium;
/// the citizen then finds it on the portal at its stable address, with the tables as HTML tables, the outcome chart drawn
/// by the vendored ECharts under the site's CSP without errors, and the page passes axe.
/// </summary>
public sealed class ReportPublishingFlowTests(BrowserFixture browser, PostgresServer postgres)
{
    [Theory, BothDatabases]
    public async Task HeadPublishesTheAcceptedReport_ThePortalShowsItsTablesAndCharts(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        site.App.Today(D(2022, 1, 20));
        var s = await ReportPublishingKit.SetUpAsync(site.App);
        await ReportPublishingKit.AcceptedAsync(site.App, s);
        var page = site.Page;
        var problems = new List<string>();
        // The site has no favicon.ico (Chromium asks for it on every page); not this flow's concern.
        page.Console += (_, m) => { if (m.Type is "error" && !m.Location.Contains("/favicon.ico", StringComparison.Ordinal)) { problems.Add(m.Text + " " + m.Location); } };
        page.PageError += (_, e) => problems.Add(e);

        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync("head", TestApp.StaffPassword);
        await page.GotoAsync("/staff/reports/edit?year=2021");
        await page.GetByRole(AriaRole.Button, new() { Name = "在“年报”栏目公开" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已在“年报”栏目公开第 1 版。");
        await page.GetByRole(AriaRole.Link, new() { Name = "在门户网站查看" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("示例县教育局2021年政府信息公开工作年度报告");
        await Expect(page.Locator("table caption").Filter(new() { HasText = "收到和处理政府信息公开申请情况" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-chart=outcomes] canvas")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Word" })).ToHaveAttributeAsync("href", "/agencies/RPT001/reports/2021/files/docx");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
