using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Application;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Support;
using Gongkai.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>Review by a second person (条例第十七条), publication, and what the public API shows.</summary>
public sealed class ReviewTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Approve_ByTheAuthor_IsRefusedEvenWithReviewerRole(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var both = await app.AddStaffAsync("editor-reviewer", agency.Id, StaffRole.Editor, StaffRole.Reviewer);
        var item = await app.DraftAsync(both, await app.ValidInputAsync(agency.Id));
        await app.WithItemsAsync(s => s.SubmitAsync(both, item.Id, Ct));

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => app.WithItemsAsync(s => s.ApproveLatestAsync(both, item.Id, true, "同意", Ct)));

        Assert.Equal("审核人不能是拟稿人本人：保密审查和审核须由另一人完成。", ex.Message);
        Assert.Equal(ItemStatus.PendingReview, await app.WithDbAsync(db => db.Items.Select(i => i.Status).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Approve_ByAnEditorOnlyAccount_IsForbidden(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var otherEditor = await app.AddStaffAsync("editor2", agency.Id, Roles.Editor);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => app.WithItemsAsync(s => s.ApproveLatestAsync(otherEditor, item.Id, true, null, Ct)));

        Assert.Equal("只有审核员可以审核发布。", ex.Message);
        Assert.Equal(ItemStatus.PendingReview, await app.WithDbAsync(db => db.Items.Select(i => i.Status).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Approve_WithoutSecrecyReview_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, secrecyReviewed: false, null, Ct)));

        Assert.Equal("发布前必须完成保密审查（条例第十七条）。", ex.Message);
    }

    [Theory, BothDatabases]
    public async Task Approve_ProactiveItem_PublishesIt_AndOnlyPublishedItemsAppearInPublicApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync("000014349");
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var published = await app.PublishAsync(editor, reviewer, await app.ValidInputAsync(agency.Id, "已发布的通知"));
        await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id, "仍是草稿"));
        var pending = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id, "待审核稿件"));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, pending.Id, Ct));

        using var client = app.Client();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies/000014349/items", Ct);
        var titles = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        var one = await client.GetAsync($"/api/v1/agencies/000014349/items/2025/{published.Serial}", Ct);
        var draft = await client.GetAsync($"/api/v1/agencies/000014349/items/2025/2", Ct);

        Assert.Equal(ItemStatus.Published, published.Status);
        Assert.Equal(app.Clock.Today, published.PublishedOn);
        Assert.Equal(["已发布的通知"], titles);
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Approve_OnRequestItem_IsFiledNotPublished(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync("000014349");
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);

        var item = await app.PublishAsync(editor, reviewer, (await app.ValidInputAsync(agency.Id)) with { DisclosureMode = DisclosureMode.OnRequest });

        Assert.Equal(ItemStatus.Filed, item.Status);
        using var client = app.Client();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies/000014349/items", Ct);
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
    }

    // Changed deliberately (issue 8): an edit used to take the published item off the portal until re-approved, so the editor
    // alone could unpublish it. The published revision now stays public (portal, API, RSS) until the new one is approved.
    [Theory, BothDatabases]
    public async Task Editing_PublishedItem_KeepsThePublishedRevisionOnThePortalUntilReapproved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync("000014349");
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var input = await app.ValidInputAsync(agency.Id, "原标题");
        var item = await app.PublishAsync(editor, reviewer, input);
        var columnKey = await app.WithDbAsync(db => db.Columns.Where(c => c.Id == item.ColumnId).Select(c => c.Key).SingleAsync(Ct));
        using var client = app.Client();
        var api = $"/api/v1/agencies/000014349/items/{item.Year}/{item.Serial}";
        var page = PortalUrls.Item("000014349", item.Year, item.Serial);
        var rss = PortalUrls.Column("000014349", columnKey) + "/rss.xml";

        var edited = await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "修改后的标题" }, item.Version, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        var whileInReview = (await client.GetFromJsonAsync<JsonElement>(api, Ct)).GetProperty("title").GetString();
        var pageWhileInReview = await client.GetStringAsync(page, Ct);
        var rssWhileInReview = await client.GetStringAsync(rss, Ct);
        var changesWhileInReview = await app.WithDbAsync(db => db.ChangeRecords.CountAsync(Ct));
        await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, true, "同意", Ct));
        var afterApproval = await client.GetFromJsonAsync<JsonElement>(api, Ct);

        Assert.Equal((ItemStatus.Draft, "修改后的标题"), (edited.Status, edited.Title));
        Assert.Equal("原标题", whileInReview);
        Assert.Contains("原标题", pageWhileInReview, StringComparison.Ordinal);
        Assert.DoesNotContain("修改后的标题", pageWhileInReview, StringComparison.Ordinal);
        Assert.Contains("原标题", rssWhileInReview, StringComparison.Ordinal);
        Assert.DoesNotContain("修改后的标题", rssWhileInReview, StringComparison.Ordinal);
        Assert.Equal("修改后的标题", afterApproval.GetProperty("title").GetString());
        Assert.Equal(item.IndexNo, afterApproval.GetProperty("indexNo").GetString());
        // Nothing public changed while the revision was in review; the approval is one revision record.
        Assert.Equal(changesWhileInReview + 1, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(Ct)));
        Assert.Equal(Gongkai.Application.Changes.ChangeKind.Revised,
            await app.WithDbAsync(db => db.ChangeRecords.OrderByDescending(r => r.Id).Select(r => r.Kind).FirstAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Update_WithAStaleVersion_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var input = await app.ValidInputAsync(agency.Id);
        var item = await app.DraftAsync(editor, input);
        await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "甲的修改" }, item.Version, Ct));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "乙的修改" }, item.Version, Ct)));

        Assert.Equal("该信息已被他人修改，请刷新后重新编辑。", ex.Message);
        Assert.Equal("甲的修改", await app.WithDbAsync(db => db.Items.Select(i => i.Title).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task EveryChange_RecordsARevisionAndAnAuditEntry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var input = await app.ValidInputAsync(agency.Id, "第一稿");
        var item = await app.DraftAsync(editor, input);
        await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "第二稿" }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        await app.WithItemsAsync(s => s.ReturnAsync(reviewer, item.Id, "请补充依据", Ct));
        await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "第三稿" }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, true, "同意", Ct));
        await app.WithItemsAsync(s => s.WithdrawAsync(reviewer, item.Id, "政策调整", Ct));

        var revisions = await app.WithDbAsync(db => db.ItemRevisions.Where(r => r.ItemId == item.Id).OrderBy(r => r.Version).ToListAsync(Ct));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Item" && a.EntityId == item.Id.ToString()).OrderBy(a => a.Id).ToListAsync(Ct));

        string[] actions = ["create", "update", "submit", "return", "update", "submit", "publish", "withdraw"];
        Assert.Equal(actions, revisions.Select(r => r.Action));
        Assert.Equal(Enumerable.Range(1, actions.Length), revisions.Select(r => r.Version));
        Assert.Equal("第二稿", JsonDocument.Parse(revisions[1].SnapshotJson).RootElement.GetProperty("Title").GetString());
        Assert.Equal("Published", JsonDocument.Parse(revisions[6].SnapshotJson).RootElement.GetProperty("Status").ToString() switch
        {
            "2" => "Published",
            var other => other,
        });
        Assert.Equal(editor.UserId, revisions[0].ChangedById);
        Assert.Equal(reviewer.UserId, revisions[6].ChangedById);
        Assert.Equal(actions.Select(a => "item." + a), audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(agency.Id, a.AgencyId));
        Assert.All(audit, a => Assert.Equal(app.Clock.GetCurrentInstant().ToDateTimeUtc(), a.At));
        Assert.Equal([editor.UserId, editor.UserId, editor.UserId, reviewer.UserId], audit.Take(4).Select(a => a.UserId));
    }
}
