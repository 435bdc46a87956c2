using System.Text;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Browser.Pages;
using Gongkai.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The proactive-disclosure path end to end, as three people do it: an editor drafts an item with an attachment,
/// a second person reviews and approves it, and an anonymous visitor finds it on the portal and downloads the file.
/// </summary>
public sealed class PublishingFlowTests(BrowserFixture browser, PostgresServer postgres)
{
    private const string Title = "示例县人民政府关于做好2025年春耕生产工作的通知";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory, BothDatabases]
    public async Task EditorDrafts_ReviewerApproves_VisitorFindsItAndDownloadsTheAttachment(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        var agency = await site.App.SetUpAsync();
        await site.App.AddStaffAsync("editor", agency.Id, StaffRole.Editor);
        await site.App.AddStaffAsync("reviewer", agency.Id, StaffRole.Reviewer);
        var page = site.Page;
        var login = new LoginPage(page);

        // The editor drafts and submits.
        await login.GotoAsync();
        await login.SignInAsync("editor", TestApp.StaffPassword);
        var editor = new ItemEditorPage(page);
        await editor.GotoNewAsync();
        await editor.DraftAsync(Title, site.App.Clock.Today.AddDays(-2).ToString("yyyy-MM-dd"), "春耕通知.pdf", Pdf);
        var details = new ItemDetailsPage(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "附件" })).ToContainTextAsync("春耕通知.pdf");
        var itemPath = new Uri(page.Url).AbsolutePath;
        await details.SubmitForReviewAsync();
        await Expect(details.Status).ToContainTextAsync("待审核");
        // The author is offered no approval: review is by a second person.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "审核通过" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();

        // The reviewer finds it in the queue and approves it.
        await login.GotoAsync();
        await login.SignInAsync("reviewer", TestApp.StaffPassword);
        await page.GotoAsync("/staff/review");
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        Assert.Equal(itemPath, new Uri(page.Url).AbsolutePath);
        await details.ApproveAsync("同意公开");
        await Expect(details.Status).ToContainTextAsync("已发布");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();

        // An anonymous visitor browses from the home page to the item and downloads the attachment.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "示例县人民政府", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "行政法规、规章和规范性文件" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        var metadata = page.GetByRole(AriaRole.Table, new() { Name = "信息元数据" });
        await Expect(metadata).ToContainTextAsync("000014349/2025-00001");
        await Expect(metadata).ToContainTextAsync("示政发〔2025〕3号");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "春耕通知.pdf" }).ClickAsync());
        Assert.Equal("春耕通知.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}

/// <summary>The main public pages pass axe-core with content on them (WCAG 2.1 AA: no serious or critical violations).</summary>
public sealed class PortalAccessibilityTests(BrowserFixture browser, PostgresServer postgres)
{
    [Theory, BothDatabases]
    public async Task PortalPages_WithPublishedContent_HaveNoSeriousAccessibilityViolations(DatabaseProvider provider)
    {
        await using var site = await browser.OpenSiteAsync(provider, postgres);
        var agency = await site.App.SetUpAsync();
        var editor = await site.App.AddStaffAsync("editor", agency.Id, StaffRole.Editor);
        var reviewer = await site.App.AddStaffAsync("reviewer", agency.Id, StaffRole.Reviewer);
        var item = await site.App.PublishAsync(editor, reviewer, await site.App.ValidInputAsync(agency.Id));
        var page = site.Page;

        foreach (var path in new[]
        {
            "/",
            $"/agencies/{agency.Code}",
            $"/agencies/{agency.Code}/columns/statutory",
            $"/agencies/{agency.Code}/items/{item.Year}/{item.Serial}",
            $"/agencies/{agency.Code}/guide",
            "/search?q=春耕",
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }
}
