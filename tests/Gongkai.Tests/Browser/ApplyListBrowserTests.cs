using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Tests.Browser;

/// <summary>我要申请 in a browser: from the navigation to the list, filtered as the name is typed, on to the agency's form.</summary>
public sealed class ApplyListBrowserTests(BrowserFixture browser, PostgresServer postgres)
{
    [Theory, BothDatabases]
    public async Task TheNavigationLeadsToTheList_WhichFiltersAsTheNameIsTyped_AndOpensTheAgencysForm(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        var county = await site.App.SetUpAsync();
        await site.App.AddAgencyAsync("000014350", "示例县财政局", county.Id, AgencyKind.Department);
        await site.App.AddAgencyAsync("000014351", "示例县城关镇人民政府", county.Id, AgencyKind.Township);
        var page = site.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "站点导航" }).GetByRole(AriaRole.Link, new() { Name = "我要申请" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我要申请政府信息公开");
        await page.GetByLabel("按单位名称查找").FillAsync("财政");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("名称含“财政”的单位 1 个。");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "示例县城关镇人民政府", Exact = true })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "乡镇（街道）" })).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请：示例县财政局" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/apply/000014350$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("政府信息公开申请");
    }
}
