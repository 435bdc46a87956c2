using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>The back office's new-item form at /staff/items/new.</summary>
public sealed class ItemEditorPage(IPage page)
{
    public async Task GotoNewAsync() => await page.GotoAsync("/staff/items/new");

    public async Task DraftAsync(string title, string formedOn, string attachmentName, byte[] attachment)
    {
        await page.GetByLabel("标题（必填）").FillAsync(title);
        await page.GetByLabel("信息形成/变更日期（必填）").FillAsync(formedOn);
        await page.GetByLabel("文号").FillAsync("示政发〔2025〕3号");
        await page.GetByLabel("内容概述").FillAsync("春耕生产的有关安排。");
        await page.GetByLabel("正文（HTML，保存时清理；不允许脚本）").FillAsync("<p>各乡镇人民政府、县政府各部门：现就做好春耕生产工作通知如下。</p>");
        await page.GetByLabel("附件（PDF、Word、Excel、图片", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = attachmentName,
            MimeType = "application/pdf",
            Buffer = attachment,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
    }
}
