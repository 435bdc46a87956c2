using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>The public application form at /apply/{agencyCode} and the receipt it shows.</summary>
public sealed class ApplyPage(IPage page)
{
    public async Task GotoAsync(string agencyCode) => await page.GotoAsync($"/apply/{agencyCode}");

    /// <summary>The way a citizen gets there: home page → the agency → 我要申请.</summary>
    public async Task GotoFromHomePageAsync(string agencyName)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = agencyName, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "我要申请（在线填写）" }).ClickAsync();
    }

    public async Task ApplyAsNaturalPersonAsync(string name, string idNumber, string phone, string description)
    {
        await page.GetByLabel("申请人类型").SelectOptionAsync("NaturalPerson");
        await page.GetByLabel("姓名或名称").FillAsync(name);
        await page.GetByLabel("证件类型").SelectOptionAsync("resident-id-card");
        await page.GetByLabel("证件号码").FillAsync(idNumber);
        await page.GetByLabel("联系电话").FillAsync(phone);
        await page.GetByLabel("所需政府信息的名称或者便于查询的其他特征性描述", new() { Exact = false }).FillAsync(description);
        await page.GetByLabel("提供形式").SelectOptionAsync("电子文档");
        await page.GetByLabel("获取方式").SelectOptionAsync("在线获取");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
    }

    public ILocator Receipt => page.GetByRole(AriaRole.Table, new() { Name = "申请回执" });

    public async Task<(string Code, string Secret)> ReadReceiptAsync()
    {
        var code = await Receipt.GetByRole(AriaRole.Row, new() { Name = "查询码" }).Locator("td").InnerTextAsync();
        var secret = await Receipt.GetByRole(AriaRole.Row, new() { Name = "查询密码" }).Locator("td").InnerTextAsync();
        return (code.Trim(), secret.Trim());
    }
}
