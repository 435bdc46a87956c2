using Microsoft.Playwright;

namespace Gongkai.Tests.Browser.Pages;

/// <summary>
/// The staff case page at /staff/requests/{id}: facts, due-date computation, the steps the state allows. Steps other than
/// the likely next one are collapsed; each action opens its step first, as a clerk would.
/// </summary>
public sealed class RequestCasePage(IPage page)
{
    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public ILocator Errors => page.GetByRole(AriaRole.Alert);

    public ILocator State => page.GetByRole(AriaRole.Table, new() { Name = "申请信息" }).GetByRole(AriaRole.Row, new() { Name = "状态" });

    /// <summary>From the back-office list, by tracking code.</summary>
    public async Task OpenFromListAsync(string trackingCode)
    {
        await page.GotoAsync("/staff/requests");
        await page.GetByRole(AriaRole.Link, new() { Name = trackingCode }).ClickAsync();
    }

    public Task ReloadAsync() => page.ReloadAsync();

    public Task ConfirmReceiptAsync() => Click("确认收到申请");

    public async Task RequestCorrectionAsync(string dueOn, string what)
    {
        await OpenStepOfAsync("发出补正通知");
        await page.GetByLabel("补正期限").FillAsync(dueOn);
        await page.GetByLabel("需补正的事项").FillAsync(what);
        await Click("发出补正通知");
    }

    public Task RecordCorrectionAsync() => Click("登记收到补正");

    public async Task ExtendAsync(int days, string approvedBy, string reason)
    {
        await OpenStepOfAsync("延长期限");
        await page.GetByLabel("延长工作日数").FillAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("批准人", new() { Exact = false }).FillAsync(approvedBy);
        await page.GetByLabel("延期理由", new() { Exact = false }).FillAsync(reason);
        await Click("延长期限");
    }

    public async Task DecideAsync(string outcomeKey, string reason)
    {
        await OpenStepOfAsync("作出决定");
        await page.GetByLabel("办理结果（每件申请只计一种）").SelectOptionAsync(outcomeKey);
        await page.GetByLabel("理由（", new() { Exact = false }).FillAsync(reason);
        await Click("作出决定");
    }

    public Task AnswerAsync() => Click("登记答复送达");

    /// <summary>Generates a letter of this kind from the 文书 panel (which offers only the kinds the state allows).</summary>
    public async Task GenerateLetterAsync(string kind = "答复告知书")
    {
        await page.GetByLabel("生成文书").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByRole(AriaRole.Button, new() { Name = "生成（Word 和 PDF）", Exact = true }).ClickAsync();
    }

    /// <summary>The 文书 panel's table of issued letters.</summary>
    public ILocator IssuedLetters => page.Locator("section.letters-panel table");

    public Task SignOutAsync() => Click("退出");

    private async Task Click(string button)
    {
        await OpenStepOfAsync(button);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    /// <summary>Opens the collapsed step whose form has this button (nothing when it is open or not in a step).</summary>
    private async Task OpenStepOfAsync(string button)
    {
        var step = page.Locator("details.step").Filter(new()
        {
            Has = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true, IncludeHidden = true }),
        });
        if (await step.CountAsync() == 1 && await step.GetAttributeAsync("open") is null)
        {
            await step.Locator("summary").ClickAsync();
        }
    }
}
