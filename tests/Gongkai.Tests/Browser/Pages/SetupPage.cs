using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>The first-run setup form at /setup.</summary>
public sealed class SetupPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "平台初始化", Level = 1 });

    public async Task CreatePlatformAsync(string platformName, string agencyName, string agencyCode, string adminUserName, string password)
    {
        await page.GetByLabel("平台名称").FillAsync(platformName);
        await page.GetByLabel("顶级单位名称").FillAsync(agencyName);
        await page.GetByLabel("单位编码").FillAsync(agencyCode);
        await page.GetByLabel("管理员用户名").FillAsync(adminUserName);
        await page.GetByLabel("管理员姓名").FillAsync("管理员");
        await page.GetByLabel("管理员密码（至少10位，含大小写字母和数字）").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建平台" }).ClickAsync();
    }
}
