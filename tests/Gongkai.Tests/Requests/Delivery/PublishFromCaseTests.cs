using Gongkai.Application;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.Delivery.DeliveryKit;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Delivery;

/// <summary>
/// 条例第四十四条: what many applicants ask for can be made public from the case. The clerk's draft carries the disclosed
/// file, is submitted to the normal review (four eyes), is linked back to the case and holds nothing of the applicant.
/// </summary>
public sealed class PublishFromCaseTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task PublishingFromACase_CreatesAnItemPendingReview_WithTheFile_LinkedToTheCase_WithoutTheApplicant(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        var document = await app.AttachPdfAsync(c);
        var column = await app.ColumnIdAsync(c.AgencyId, "art20-11");

        var item = await app.InScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CasePublishing>(sp)
            .PublishAsync(c.Clerk, c.Id, new PublishFromCaseInput(document.Id, column, "示例县2024年度城乡低保资金发放情况", null), Ct));

        var stored = await app.WithDbAsync(db => db.Items.Include(i => i.Attachments).SingleAsync(i => i.Id == item.Id, Ct));
        Assert.Equal(ItemStatus.PendingReview, stored.Status);
        Assert.Equal(column, stored.ColumnId);
        Assert.Equal(DisclosureMode.Proactive, stored.DisclosureMode);
        Assert.Equal("低保资金发放情况.pdf", Assert.Single(stored.Attachments).FileName);
        Assert.Equal(c.Clerk.UserId, stored.AuthorId);
        Assert.DoesNotContain(ApplicantName, stored.Title + stored.Summary + stored.BodyHtml + stored.PublishingOrg);
        Assert.DoesNotContain(ResidentId, stored.Title + stored.Summary + stored.BodyHtml);
        var link = await app.WithDbAsync(db => db.Set<CasePublication>().SingleAsync(Ct));
        Assert.Equal((c.Id, item.Id, document.Id), (link.RequestId, link.ItemId, link.DocumentId));

        // The normal review: the author may not approve it; another reviewer may.
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithItemsAsync(s => s.ApproveLatestAsync(c.Clerk, item.Id, true, null, Ct)));
        var reviewer = await app.AddStaffAsync("reviewer", c.AgencyId, Roles.Reviewer);
        var approved = await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, true, "同意", Ct));
        Assert.Equal(ItemStatus.Published, approved.Status);
    }

    [Theory, BothDatabases]
    public async Task PublishingWithoutATitle_IsRefused_AndNoItemIsCreated(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        var document = await app.AttachPdfAsync(c);
        var column = await app.ColumnIdAsync(c.AgencyId, "art20-11");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.InScopeAsync(sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CasePublishing>(sp)
                .PublishAsync(c.Clerk, c.Id, new PublishFromCaseInput(document.Id, column, " ", null), Ct)));

        Assert.Contains("请填写标题", refused.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CasePublication>().CountAsync(Ct)));
    }
}
