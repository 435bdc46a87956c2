using Gongkai.Tests.Browser.Pages;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Tests.Browser;

/// <summary>A person's first visit: empty database → setup → sign in. Plus axe-core checks of those pages.</summary>
public sealed class SetupFlowTests(BrowserFixture browser, PostgresServer postgres)
{
    [Theory, BothDatabases]
    public async Task EmptyDatabase_HomeRedirectsToSetup_SetupCreatesPlatform_AdminSignsIn(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        var page = site.Page;

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Uri(site.BaseUrl, "/setup").ToString());
        var setup = new SetupPage(page);
        await Expect(setup.Heading).ToBeVisibleAsync();

        await setup.CreatePlatformAsync("示例县政府信息公开平台", "示例县人民政府", "000014349", "admin", TestApp.AdminPassword);

        var login = new LoginPage(page);
        await Expect(login.Heading).ToBeVisibleAsync();
        await Expect(login.Notice).ToContainTextAsync("平台已创建");
        await login.SignInAsync("admin", TestApp.AdminPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Uri(site.BaseUrl, "/staff").ToString());

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "示例县政府信息公开平台", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "示例县人民政府" })).ToBeVisibleAsync();
        Assert.True(await site.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "login", TestContext.Current.CancellationToken)));
    }

    [Theory, BothDatabases]
    public async Task SignIn_WithAWrongPassword_ShowsTheChineseError(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        await site.App.SetUpAsync();
        var login = new LoginPage(site.Page);

        await login.GotoAsync();
        await login.SignInAsync("admin", "WrongPassword1");

        await Expect(login.Errors).ToContainTextAsync("用户名或密码错误。");
        Assert.True(await site.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "login.failed", TestContext.Current.CancellationToken)));
    }

    [Theory, BothDatabases]
    public async Task SetupPage_HasNoSeriousAccessibilityViolations(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);

        await site.Page.GotoAsync("/setup");
        await Expect(new SetupPage(site.Page).Heading).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(site.Page);
    }

    [Theory, BothDatabases]
    public async Task HomeAndLoginPages_HaveNoSeriousAccessibilityViolations(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        await site.App.SetUpAsync();

        await site.Page.GotoAsync("/");
        await Expect(site.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(site.Page);

        await new LoginPage(site.Page).GotoAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(site.Page);
    }
}
