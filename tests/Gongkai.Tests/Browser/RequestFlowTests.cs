using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Browser.Pages;
using Gongkai.Tests.Requests;
using Gongkai.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Tests.Browser;

/// <summary>
/// An application for disclosure end to end: a citizen applies on the portal, a clerk confirms receipt, asks for a
/// correction, records it, extends, decides 部分公开 and answers; the citizen follows it by code and secret and downloads the letter.
/// </summary>
public sealed class RequestFlowTests(BrowserFixture browser, PostgresServer postgres)
{
    [Theory, BothDatabases]
    public async Task CitizenApplies_StaffAskForACorrection_CitizenCorrects_StaffExtendAndPartlyDisclose_CitizenDownloadsTheLetter(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        var agency = await site.App.SetUpAsync();
        await site.App.AddStaffAsync("clerk", agency.Id, StaffRole.Editor);
        var page = site.Page;

        // The citizen applies on the portal and keeps the code and secret.
        var apply = new ApplyPage(page);
        await apply.GotoFromHomePageAsync(agency.Name);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/apply/{agency.Code}$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await apply.ApplyAsNaturalPersonAsync(RequestKit.ApplicantName, RequestKit.ResidentId, RequestKit.Phone, "示例县2024年度城乡低保资金发放情况");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申请已提交", Level = 1 })).ToBeVisibleAsync();
        var (code, secret) = await apply.ReadReceiptAsync();
        Assert.Matches("^YSQ20250314-[2-9A-Z]{6}$", code);
        Assert.Matches("^[2-9A-Z]{16}$", secret);

        // The clerk confirms receipt and asks for a correction (条例第三十条).
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync("clerk", TestApp.StaffPassword);
        var staffCase = new RequestCasePage(page);
        await staffCase.OpenFromListAsync(code);
        await Expect(staffCase.State).ToContainTextAsync("待确认收到");
        await staffCase.ConfirmReceiptAsync();
        await Expect(staffCase.Notice).ToContainTextAsync("已确认收到申请");
        await Expect(staffCase.State).ToContainTextAsync(RequestState.Received.Label());
        await staffCase.RequestCorrectionAsync("2025-03-21", "请写明所需信息的发放月份");
        await Expect(staffCase.Notice).ToContainTextAsync("已登记补正通知");
        await Expect(staffCase.State).ToContainTextAsync(RequestState.AwaitingCorrection.Label());

        await staffCase.SignOutAsync();

        // On Monday the citizen reads the notice on the tracking page and submits the correction there.
        site.App.Today(RequestKit.D(2025, 3, 17));
        var track = new TrackPage(page);
        await track.GotoFromNavigationAsync();
        await track.LookUpAsync(code, secret);
        await Expect(track.Correction).ToContainTextAsync("请写明所需信息的发放月份");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await track.SubmitCorrectionAsync("示例县2024年1月至12月城乡低保资金发放情况");
        await Expect(track.Notice).ToContainTextAsync("补正已提交");
        await Expect(track.Status).ToContainTextAsync(RequestState.Received.Label());

        // The clerk sees the clock restarted from the correction and extends once.
        await login.GotoAsync();
        await login.SignInAsync("clerk", TestApp.StaffPassword);
        await staffCase.OpenFromListAsync(code);
        await Expect(page.GetByText("申请人在线提交补正", new() { Exact = false }).First).ToBeVisibleAsync();
        await staffCase.ExtendAsync(15, "李主任", "需调取多个乡镇的发放记录");
        await Expect(staffCase.Notice).ToContainTextAsync("已延长答复期限");
        await Expect(staffCase.State).ToContainTextAsync(RequestState.Extended.Label());
        await staffCase.DecideAsync(RequestOutcomes.PartlyDisclosed.Key, "名单中的个人身份信息不予公开（条例第十五条）");
        await Expect(staffCase.Notice).ToContainTextAsync("已作出答复决定");
        await staffCase.AnswerAsync();
        await Expect(staffCase.State).ToContainTextAsync(RequestState.Answered.Label());
        await staffCase.GenerateLetterAsync();
        await Expect(staffCase.IssuedLetters).ToContainTextAsync("答复告知书");
        await Expect(staffCase.IssuedLetters.GetByRole(AriaRole.Link, new() { Name = "PDF" })).ToBeVisibleAsync();
        await Expect(staffCase.Errors).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await staffCase.SignOutAsync();

        // The citizen follows the case by code and secret and downloads the letter.
        await track.GotoAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await track.LookUpAsync(code, secret);
        await Expect(track.Status).ToContainTextAsync(RequestState.Answered.Label());
        await Expect(track.Status).ToContainTextAsync("部分公开");
        await Expect(page.GetByText(RequestKit.ApplicantName)).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var pdf = await track.DownloadLetterAsync(".pdf");
        var docx = await track.DownloadLetterAsync(".docx");

        Assert.Equal($"答复告知书-{code}.pdf", pdf.SuggestedFilename);
        Assert.Equal($"答复告知书-{code}.docx", docx.SuggestedFilename);
        var pdfBytes = await File.ReadAllBytesAsync(await pdf.PathAsync(), TestContext.Current.CancellationToken);
        var docxBytes = await File.ReadAllBytesAsync(await docx.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), pdfBytes[..4]);
        Assert.Equal("PK"u8.ToArray(), docxBytes[..2]);
    }
}
