using System.Security.Cryptography;
using System.Text;
using Gongkai.Application;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.Delivery.DeliveryKit;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Delivery;

/// <summary>
/// The clerk attaches what was disclosed once the case is decided as (partly) disclosed (条例第三十六条第（一）项、第（二）项,
/// 第三十七条): files checked by content and stored encrypted, or links to the agency's published items. A finished case,
/// or an outcome that discloses nothing, is refused in Chinese with nothing saved.
/// </summary>
public sealed class DisclosedDocumentTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task AFileAttachedToADisclosedCase_IsStoredEncrypted_WithTheHashOfTheOriginal_AndOnTheTimeline(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);

        var added = await app.WithDocumentsAsync(d => d.AttachFileAsync(c.Clerk, c.Id, "../../公开/低保资金发放情况.pdf", Pdf, Ct));
        var stored = await app.WithDbAsync(db => db.Set<DisclosedDocument>().SingleAsync(Ct));
        var opened = await app.WithDocumentsAsync(d => d.OpenForStaffAsync(c.Clerk, c.Id, added.Id, Ct));

        Assert.Equal("低保资金发放情况.pdf", stored.Name);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.Sha256);
        Assert.False(stored.Data!.AsSpan().IndexOf("%PDF"u8) >= 0, "the raw column shows no PDF");
        Assert.Equal(Pdf, opened!.Data);
        Assert.True(await app.WithDbAsync(db => db.RequestEvents.AnyAsync(e => e.RequestId == c.Id && e.Action == "request.document.add", Ct)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "request.document.view", Ct)));
    }

    [Theory, BothDatabases]
    public async Task AFileWhoseContentIsNotWhatItsNameSays_IsRefused_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        var program = Encoding.ASCII.GetBytes("MZ\x90\0this program cannot be run in DOS mode");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.WithDocumentsAsync(d => d.AttachFileAsync(c.Clerk, c.Id, "通知.pdf", program, Ct)));

        Assert.Contains("不是可识别的", refused.Message);
        await AssertNothingSavedAsync(app);
    }

    [Theory, BothDatabases]
    public async Task AttachingToAClosedCase_IsRefusedInChinese_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        await app.WithStepsAsync(s => s.RequestCorrectionAsync(clerk, record.Id, null, D(2025, 3, 21), "请写明所需信息的年度", Ct));
        app.Today(D(2025, 3, 24));
        await app.WithStepsAsync(s => s.CloseForNoCorrectionAsync(clerk, record.Id, Ct));

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.WithDocumentsAsync(d => d.AttachFileAsync(clerk, record.Id, "公开.pdf", Pdf, Ct)));

        Assert.Contains("已办结", refused.Message);
        await AssertNothingSavedAsync(app);
    }

    [Theory, BothDatabases]
    public async Task AttachingToAnAnsweredCase_IsRefused_TheDocumentsGoWithTheAnswer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AnswerAsync(c);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.AttachPdfAsync(c));

        Assert.Contains("已办结", refused.Message);
        await AssertNothingSavedAsync(app);
    }

    [Theory, BothDatabases]
    public async Task AttachingToACaseWhoseOutcomeDisclosesNothing_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app, RequestOutcomes.WithheldStateSecret);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.AttachPdfAsync(c));

        Assert.Contains("不予公开", refused.Message);
        Assert.Contains("不能添加", refused.Message);
        await AssertNothingSavedAsync(app);
    }

    [Theory, BothDatabases]
    public async Task AttachingBeforeTheDecision_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.WithDocumentsAsync(d => d.AttachFileAsync(clerk, record.Id, "公开.pdf", Pdf, Ct)));

        Assert.Contains("请先作出予以公开或部分公开的答复决定", refused.Message);
        await AssertNothingSavedAsync(app);
    }

    [Theory, BothDatabases]
    public async Task ALinkToAPublishedItemOfTheAgency_IsAttached_ButNotADraft(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        var reviewer = await app.AddStaffAsync("reviewer", c.AgencyId, Roles.Reviewer);
        var published = await app.PublishAsync(c.Clerk, reviewer, await app.ValidInputAsync(c.AgencyId));
        var draft = await app.DraftAsync(c.Clerk, await app.ValidInputAsync(c.AgencyId, "尚未发布的通知"));

        var link = await app.WithDocumentsAsync(d => d.AttachLinkAsync(c.Clerk, c.Id, published.IndexNo, Ct));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.WithDocumentsAsync(d => d.AttachLinkAsync(c.Clerk, c.Id, draft.IndexNo, Ct)));

        Assert.Equal(published.Id, link.ItemId);
        Assert.Equal(published.Title, link.Name);
        Assert.Null(link.Data);
        Assert.Contains("尚未发布", refused.Message);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<DisclosedDocument>().CountAsync(Ct)));
    }

    private static async Task AssertNothingSavedAsync(TestApp app)
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DisclosedDocument>().CountAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.RequestEvents.AnyAsync(e => e.Action == "request.document.add", Ct)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "request.document.add", Ct)));
    }
}
