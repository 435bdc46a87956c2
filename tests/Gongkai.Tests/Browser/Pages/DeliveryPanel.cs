using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>The case page's 公开的政府信息与送达 panel (and the same panel on the tracking page's 公开的政府信息 section).</summary>
public sealed class DeliveryPanel(IPage page)
{
    public ILocator Region => page.GetByRole(AriaRole.Region, new() { Name = "公开的政府信息与送达" });

    public ILocator Documents => Region.GetByRole(AriaRole.Table, new() { Name = "提供给申请人的政府信息" });

    public ILocator Deliveries => Region.GetByRole(AriaRole.Table, new() { Name = "送达记录" });

    public async Task AttachAsync(string fileName, string mimeType, byte[] content)
    {
        var summary = Region.GetByText("添加公开的政府信息", new() { Exact = true });
        if (!await Region.GetByLabel("上传文件", new() { Exact = false }).IsVisibleAsync())
        {
            await summary.ClickAsync();
        }
        await Region.GetByLabel("上传文件", new() { Exact = false }).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await Region.GetByRole(AriaRole.Button, new() { Name = "添加文件", Exact = true }).ClickAsync();
    }

    /// <summary>On the tracking page, after looking the case up by code and secret.</summary>
    public static ILocator ForApplicant(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "公开的政府信息" });

    public static Task<IDownload> DownloadAsApplicantAsync(IPage page, string name) =>
        page.RunAndWaitForDownloadAsync(() => ForApplicant(page).GetByRole(AriaRole.Button, new() { Name = "下载 " + name }).ClickAsync());
}
