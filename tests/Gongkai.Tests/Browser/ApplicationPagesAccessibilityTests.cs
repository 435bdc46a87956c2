using Gongkai.Domain.Agencies;
using Gongkai.Tests.Browser.Pages;
using Gongkai.Tests.Requests;
using Gongkai.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Tests.Browser;

/// <summary>axe-core on the 依申请公开 pages the other flows do not open: the public entry points and the back office's lists and forms.</summary>
public sealed class ApplicationPagesAccessibilityTests(BrowserFixture browser, PostgresServer postgres)
{
    [Theory, BothDatabases]
    public async Task PublicEntryPointsAndBackOfficePages_HaveNoSeriousViolations(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        var agency = await site.App.SetUpAsync();
        var clerk = await site.App.AddStaffAsync("clerk", agency.Id, StaffRole.Editor);
        var record = await site.App.RegisterInPersonAsync(clerk);
        var page = site.Page;

        foreach (var url in new[] { $"/agencies/{agency.Code}", $"/agencies/{agency.Code}/guide", "/track", "/apply", "/apply?q=县", "/track/receipt" })
        {
            await page.GotoAsync(url);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync("admin", TestApp.AdminPassword);
        foreach (var url in new[] { "/staff/requests", "/staff/requests/deadlines", "/staff/requests/new", "/staff/requests/templates",
            $"/staff/requests/{record.Id}", "/staff/calendar" })
        {
            await page.GotoAsync(url);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
