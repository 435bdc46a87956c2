using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>The public tracking page at /track: status by tracking code plus secret, and the answer letters.</summary>
public sealed class TrackPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/track");

    /// <summary>From any portal page, by the site navigation's 申请查询 link.</summary>
    public async Task GotoFromNavigationAsync()
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "站点导航" }).GetByRole(AriaRole.Link, new() { Name = "申请查询" }).ClickAsync();
    }

    public async Task LookUpAsync(string code, string secret)
    {
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByLabel("查询密码").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
    }

    public ILocator Status => page.GetByRole(AriaRole.Region, new() { Name = "办理状态" });

    public ILocator Correction => page.GetByRole(AriaRole.Region, new() { Name = "补正申请" });

    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public async Task SubmitCorrectionAsync(string corrected)
    {
        await page.GetByLabel("补正后的申请内容").FillAsync(corrected);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
    }

    public ILocator Letters => page.GetByRole(AriaRole.Region, new() { Name = "告知书和通知书" });

    public Task<IDownload> DownloadLetterAsync(string extension) =>
        page.RunAndWaitForDownloadAsync(() => Letters.GetByRole(AriaRole.Button, new() { Name = extension, Exact = false }).ClickAsync());
}
