using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Application.Accounts;
using Gongkai.Application.Catalog;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Support;
using Gongkai.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalog;

/// <summary>
/// No one publishes alone (条例第十七条): the approver changed nothing since the last approval, approves the revision read,
/// and a published item's revision replaces it only when approved.
/// </summary>
public sealed class FourEyesTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] AgencyAdmin = [StaffRole.AgencyAdmin];

    private const string RewroteIt = "审核人自上次审核通过以来修改过本信息的内容，不能审核自己修改的内容：保密审查和审核须由修改人以外的另一人完成（条例第十七条）。";

    [Theory, BothDatabases]
    public async Task AnAdminWhoRewroteTheEditorsDraft_CannotApproveItAlone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var admin = await app.AddStaffAsync("agency-admin", agency.Id, AgencyAdmin);
        var input = await app.ValidInputAsync(agency.Id, "编辑的原稿");
        var item = await app.DraftAsync(editor, input);
        await app.WithItemsAsync(s => s.UpdateAsync(admin, item.Id, input with { Title = "管理员改写的稿件" }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(admin, item.Id, Ct));

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => app.WithItemsAsync(s => s.ApproveLatestAsync(admin, item.Id, true, "同意", Ct)));

        Assert.Equal(RewroteIt, ex.Message);
        Assert.Equal(ItemStatus.PendingReview, await app.WithDbAsync(db => db.Items.Select(i => i.Status).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ARewrittenDraft_IsApprovedByAThirdPerson(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var admin = await app.AddStaffAsync("agency-admin", agency.Id, AgencyAdmin);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var input = await app.ValidInputAsync(agency.Id, "编辑的原稿");
        var item = await app.DraftAsync(editor, input);
        await app.WithItemsAsync(s => s.UpdateAsync(admin, item.Id, input with { Title = "管理员改写的稿件" }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(admin, item.Id, Ct));

        var approved = await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, true, "同意", Ct));

        Assert.Equal(ItemStatus.Published, approved.Status);
        Assert.Equal("管理员改写的稿件", approved.Title);
    }

    [Theory, BothDatabases]
    public async Task AnAdminWhoRevisedAPublishedItem_CannotApproveTheRevisionAlone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var admin = await app.AddStaffAsync("agency-admin", agency.Id, AgencyAdmin);
        var input = await app.ValidInputAsync(agency.Id, "已发布的通知");
        var item = await app.PublishAsync(editor, reviewer, input);
        await app.WithItemsAsync(s => s.UpdateAsync(admin, item.Id, input with { Title = "管理员改写的通知" }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(admin, item.Id, Ct));

        var queue = await app.InScopeAsync(sp => sp.GetRequiredService<StaffItemQueries>()
            .ListAsync(reviewer, new StaffItemFilter(agency.Id, ItemStatus.PendingReview), Ct));
        var ex = await Assert.ThrowsAsync<WorkflowException>(() => app.WithItemsAsync(s => s.ApproveLatestAsync(admin, item.Id, true, "同意", Ct)));
        // The editor changed nothing since the last approval: as a second person, the original author may approve the revision.
        var byTheReviewer = await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, true, "同意", Ct));

        Assert.Equal([item.Id], queue.Items.Select(r => r.Id));
        Assert.Equal(RewroteIt, ex.Message);
        Assert.Equal("管理员改写的通知", byTheReviewer.Title);
    }

    [Theory, BothDatabases]
    public async Task AnApprovalOfTheRevisionTheReviewerRead_IsRefusedOnceTheContentChanged_AndShowsWhatChanged(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var input = await app.ValidInputAsync(agency.Id, "审阅时的标题");
        var item = await app.DraftAsync(editor, input);
        var read = await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with
        {
            Title = "审阅后改的标题",
            BodyHtml = "<p>各乡镇人民政府，县直各部门：</p><p>审阅后悄悄加上的一段。</p><p>现将有关事项通知如下。</p>",
        }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));

        var ex = await Assert.ThrowsAsync<StaleReviewException>(() =>
            app.WithItemsAsync(s => s.ApproveAsync(reviewer, item.Id, read.Version, true, "同意", Ct)));
        var diff = await app.WithItemsAsync(s => s.DiffSinceAsync(reviewer, item.Id, read.Version, Ct));

        Assert.Equal(ItemStatus.PendingReview, await app.WithDbAsync(db => db.Items.Select(i => i.Status).SingleAsync(Ct)));
        Assert.Equal(read.Version + 2, ex.CurrentVersion);
        Assert.NotNull(diff);
        Assert.Equal([new("标题", "审阅时的标题", "审阅后改的标题")], diff.Fields);
        Assert.Equal([new BodyLine('+', "审阅后悄悄加上的一段。")], diff.Body.Where(l => l.Mark != ' '));
    }

    [Theory, BothDatabases]
    public async Task TheApi_RefusesAStaleApproval_WithTheChanges(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var input = await app.ValidInputAsync(agency.Id, "审阅时的标题");
        var item = await app.DraftAsync(editor, input);
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        using var client = app.Client(await app.IssueTokenAsync(reviewer));
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/staff/items/{item.Id}", Ct);
        var version = read.GetProperty("item").GetProperty("version").GetInt32();
        await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "审阅后改的标题" }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));

        using var stale = await client.PostAsJsonAsync($"/api/v1/staff/items/{item.Id}/approve", new { secrecyReviewed = true, note = "同意", version }, Ct);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var current = await client.PostAsJsonAsync($"/api/v1/staff/items/{item.Id}/approve",
            new { secrecyReviewed = true, note = "同意", version = problem.GetProperty("currentVersion").GetInt32() }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("urn:gongkai:error:stale-review", problem.GetProperty("type").GetString());
        var change = Assert.Single(problem.GetProperty("changes").EnumerateArray());
        Assert.Equal(("标题", "审阅时的标题", "审阅后改的标题"),
            (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task AReviewer_DownloadsAPendingItemsAttachment_AndAnotherAgencysReviewerCannot(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var other = await app.AddAgencyAsync("SLX-D09", "示例县财政局", null);
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var foreignReviewer = await app.AddStaffAsync("foreign-reviewer", other.Id, Roles.Reviewer);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var attachment = await app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "拟公开的附件.pdf", pdf, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        var url = StaffAttachmentEndpoint.Url(item.Id, attachment.Id);

        using var ours = app.Client(await app.IssueTokenAsync(reviewer));
        using var theirs = app.Client(await app.IssueTokenAsync(foreignReviewer));
        using var anonymous = app.Client();
        using var download = await ours.GetAsync(url, Ct);
        using var foreign = await theirs.GetAsync(url, Ct);
        using var publicLink = await anonymous.GetAsync($"/attachments/{attachment.Id}/file.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("拟公开的附件.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publicLink.StatusCode);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "item.attachment.download").Select(a => new { a.UserId, a.AgencyId }).ToListAsync(Ct));
        Assert.Equal([(reviewer.UserId, (int?)agency.Id)], audited.Select(a => (a.UserId, (int?)a.AgencyId)));
    }

    [Theory, BothDatabases]
    public async Task TheReviewPage_RefusesAStaleApproval_AndShowsWhatChanged(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var input = await app.ValidInputAsync(agency.Id, "审阅时的标题");
        var item = await app.DraftAsync(editor, input);
        var read = await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        using var reviewer = app.Client();
        await app.SignInAsync(reviewer, "reviewer");
        var page = await reviewer.GetStringAsync($"/staff/items/{item.Id}", Ct);
        await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, input with { Title = "审阅后改的标题" }, null, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));

        using var approve = await reviewer.PostAsync($"/staff/items/{item.Id}?handler=Approve", FormFields.Encoded(FormFields.AntiforgeryToken(page),
            ("secrecyReviewed", "true"), ("note", "同意"), ("reviewedVersion", read.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))), Ct);
        var refused = await approve.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"name=\"reviewedVersion\" value=\"{read.Version}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Contains("审核未通过：请查看修改内容后重新审核", refused, StringComparison.Ordinal);
        Assert.Contains("<del>审阅时的标题</del>", refused, StringComparison.Ordinal);
        Assert.Contains("<ins>审阅后改的标题</ins>", refused, StringComparison.Ordinal);
        Assert.Equal(ItemStatus.PendingReview, await app.WithDbAsync(db => db.Items.Select(i => i.Status).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task TheReviewPage_LinksAPendingItemsAttachmentsToTheStaffDownload(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var attachment = await app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "拟公开的附件.pdf", pdf, Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        using var reviewer = app.Client();
        await app.SignInAsync(reviewer, "reviewer");

        var page = await reviewer.GetStringAsync($"/staff/items/{item.Id}", Ct);
        using var download = await reviewer.GetAsync(StaffAttachmentEndpoint.Url(item.Id, attachment.Id), Ct);

        Assert.Contains($"href=\"{StaffAttachmentEndpoint.Url(item.Id, attachment.Id)}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }
}
