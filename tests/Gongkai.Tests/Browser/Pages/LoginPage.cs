using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>The staff sign-in page at /staff/login.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "工作人员登录", Level = 1 });

    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public ILocator Errors => page.GetByRole(AriaRole.Alert);

    public async Task GotoAsync() => await page.GotoAsync("/staff/login");

    public async Task SignInAsync(string userName, string password)
    {
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
