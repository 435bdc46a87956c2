using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>An item's back-office page at /staff/items/{id}: metadata, workflow actions, attachments, history.</summary>
public sealed class ItemDetailsPage(IPage page)
{
    public ILocator Status => page.GetByRole(AriaRole.Row, new() { Name = "状态" });

    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public async Task SubmitForReviewAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();

    public async Task ApproveAsync(string note)
    {
        await page.GetByLabel("已完成保密审查（条例第十七条）").CheckAsync();
        await page.GetByLabel("审核意见").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
    }
}
