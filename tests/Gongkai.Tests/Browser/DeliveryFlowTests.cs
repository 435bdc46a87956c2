using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Browser.Pages;
using Gongkai.Tests.Requests;
using Gongkai.Tests.Requests.Delivery;
using Gongkai.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Tests.Browser;

/// <summary>
/// Delivering what was disclosed: the clerk attaches the document on the case page of a case decided as disclosed; once
/// the answer is served the citizen downloads it on the tracking page with code and secret — the same bytes — and the
/// first download is recorded as the 送达 (在线下载). With a wrong secret the page shows no documents.
/// </summary>
public sealed class DeliveryFlowTests(BrowserFixture browser, PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task ClerkAttachesTheDisclosedDocument_CitizenDownloadsTheSameBytesWithTheSecret(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        var c = await DeliveryKit.DecidedCaseAsync(site.App);
        var code = c.Created.Record.TrackingCode;
        var page = site.Page;

        // The clerk attaches the disclosed document on the case page.
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync("clerk", TestApp.StaffPassword);
        var staffCase = new RequestCasePage(page);
        await staffCase.OpenFromListAsync(code);
        var panel = new DeliveryPanel(page);
        await panel.AttachAsync("低保资金发放情况.pdf", "application/pdf", DeliveryKit.Pdf);
        await Expect(staffCase.Notice).ToContainTextAsync("已添加公开的政府信息");
        await Expect(panel.Documents).ToContainTextAsync("低保资金发放情况.pdf");
        await Expect(staffCase.Errors).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A program renamed to .pdf is refused on the form, in Chinese.
        await panel.AttachAsync("报告.pdf", "application/pdf", "MZ\u0090\0not a document"u8.ToArray());
        await Expect(staffCase.Errors).ToContainTextAsync("不是可识别的");
        await staffCase.OpenFromListAsync(code);
        await Expect(panel.Documents.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header + the one document

        // Before the answer is served the citizen sees nothing to download.
        var track = new TrackPage(page);
        await track.GotoAsync();
        await track.LookUpAsync(code, c.Created.Secret!);
        await Expect(DeliveryPanel.ForApplicant(page)).ToHaveCountAsync(0);

        // The answer is served; the citizen downloads with code and secret.
        await site.App.AnswerAsync(c);
        await track.GotoAsync();
        await track.LookUpAsync(code, c.Created.Secret!);
        await Expect(track.Status).ToContainTextAsync(RequestState.Answered.Label());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var download = await DeliveryPanel.DownloadAsApplicantAsync(page, "低保资金发放情况.pdf");
        Assert.Equal("低保资金发放情况.pdf", download.SuggestedFilename);
        Assert.Equal(DeliveryKit.Pdf, await File.ReadAllBytesAsync(await download.PathAsync(), Ct));

        // A wrong secret shows no documents at all.
        await track.GotoAsync();
        await track.LookUpAsync(code, "WRONGSECRET23456");
        await Expect(page.GetByText("查询码或查询密码不正确")).ToBeVisibleAsync();
        await Expect(DeliveryPanel.ForApplicant(page)).ToHaveCountAsync(0);

        // The clerk sees the first download recorded as the 送达.
        await staffCase.OpenFromListAsync(code);
        await Expect(panel.Deliveries).ToContainTextAsync("在线下载");
        await Expect(panel.Region).ToContainTextAsync("已于 2025-03-14 以在线下载送达");
    }
}
