using System.Net;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Reports;
using Gongkai.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Reports;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary>
/// 条例第四十九条: the accepted report is published in the 年报 column and on its own portal page; it is then locked, a
/// correction is a new visible revision, a report with errors is never published, and the public sees only published ones.
/// </summary>
public sealed class ReportPublishingTests(PostgresServer postgres)
{
    private static Task<Setup> SetUpAsync(TestApp app) => ReportPublishingKit.SetUpAsync(app);

    private static Task<AnnualReportRecord> AcceptedAsync(TestApp app, Setup s) => ReportPublishingKit.AcceptedAsync(app, s);

    private static Task<T> WorkflowAsync<T>(TestApp app, Func<ReportWorkflow, Task<T>> action) => ReportPublishingKit.WorkflowAsync(app, action);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<AnnualReportRecord> PublishAsync(TestApp app, StaffContext actor, int agencyId, int version) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ReportPublishing>().PublishAsync(actor, agencyId, 2021, version, Ct));

    [Theory, BothDatabases]
    public async Task AcceptedReport_PublishedFromItsPage_IsOnThePortalWithItsTables_AndInTheAnnualReportColumn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 1, 20));
        var s = await SetUpAsync(app);
        var accepted = await AcceptedAsync(app, s);
        using var anonymous = app.Client();
        using var beforeApi = await anonymous.GetAsync("/api/v1/agencies/RPT001/reports/2021", Ct);
        using var beforePage = await anonymous.GetAsync("/agencies/RPT001/reports/2021", Ct);
        using var client = app.Client();
        await app.SignInAsync(client, "head");

        var edit = await client.GetStringAsync("/staff/reports/edit?year=2021", Ct);
        var (_, afterPublish, location) = await client.PostAndFollowAsync("/staff/reports/publish?year=2021",
            FormFields.Encoded(FormFields.AntiforgeryToken(edit), ("Version", accepted.Version.ToString())));
        var record = await app.WithDbAsync(db => db.AnnualReports.IgnoreQueryFilters().SingleAsync(Ct));
        var item = await app.WithDbAsync(db => db.Items.IgnoreQueryFilters().Include(i => i.Attachments).SingleAsync(i => i.Id == record.ItemId, Ct));
        var columnKey = await app.WithDbAsync(db => db.Columns.IgnoreQueryFilters().Where(c => c.Id == item.ColumnId).Select(c => c.Key).SingleAsync(Ct));
        var page = await anonymous.GetStringAsync("/agencies/RPT001/reports/2021", Ct);
        var itemPage = await anonymous.GetStringAsync($"/agencies/RPT001/items/{item.Year}/{item.Serial}", Ct);
        var api = AnnualReportJson.Read(await anonymous.GetStringAsync("/api/v1/agencies/RPT001/reports/2021", Ct));
        var (_, afterCorrect, _) = await client.PostAndFollowAsync("/staff/reports/publish?handler=Correct&year=2021",
            FormFields.Encoded(FormFields.AntiforgeryToken(afterPublish), ("Version", (accepted.Version + 1).ToString())));
        using var docx = await anonymous.GetAsync("/agencies/RPT001/reports/2021/files/docx", Ct);

        Assert.Equal(HttpStatusCode.NotFound, beforeApi.StatusCode);
        Assert.Equal("application/problem+json", beforeApi.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, beforePage.StatusCode);
        Assert.Contains("在“年报”栏目公开", edit, StringComparison.Ordinal);
        Assert.Equal("/staff/reports/edit?year=2021", location?.OriginalString);
        Assert.Contains("已在“年报”栏目公开第 1 版。", afterPublish, StringComparison.Ordinal);
        Assert.Equal(AnnualReportStatus.Published, record.Status);
        Assert.False(record.PublishedLate);
        Assert.Equal(D(2022, 1, 20), record.PublishedOn);
        Assert.Equal(StandardColumns.AnnualReports, columnKey);
        Assert.Equal(ItemStatus.Published, item.Status);
        Assert.Equal("示例县教育局2021年政府信息公开工作年度报告", item.Title);
        Assert.Contains(item.Attachments, a => a.FileName == "示例县教育局2021年政府信息公开工作年度报告.docx");
        Assert.Contains(item.Attachments, a => a.FileName == "示例县教育局2021年政府信息公开工作年度报告.xlsx");
        Assert.Contains("href=\"/agencies/RPT001/reports/2021\"", itemPage, StringComparison.Ordinal);
        Assert.Contains("<table", page, StringComparison.Ordinal);
        Assert.Contains("一、本年新收政府信息公开申请数量", page, StringComparison.Ordinal);
        Assert.Contains("存在的主要问题及改进情况。", page, StringComparison.Ordinal);
        Assert.Contains("/agencies/RPT001/reports/2021/files/xlsx", page, StringComparison.Ordinal);
        Assert.DoesNotContain("更正", page, StringComparison.Ordinal);
        Assert.Contains("已建立更正稿（第 2 版）", afterCorrect, StringComparison.Ordinal);
        Assert.Equal(2021, api.Year);
        Assert.Equal("2021", api.Template.Code);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Contains("一、本年新收政府信息公开申请数量", string.Concat(DocxTextReader.Read(await docx.Content.ReadAsByteArrayAsync(Ct)).Tables.SelectMany(t => t.Rows).SelectMany(r => r)), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Publishing_IsRefused_BeforeAcceptance_AndWithErrors_AndAfterTheDeadlineIsRecordedAsLate(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var s = await SetUpAsync(app);
        var draft = await app.WithReportsAsync(r => r.GenerateDraftAsync(s.Head, s.Bureau.Id, 2021, Ct));
        var notAccepted = await Assert.ThrowsAsync<ValidationException>(() => PublishAsync(app, s.Head, s.Bureau.Id, draft.Record.Version));
        await app.WithDbAsync(db => db.AnnualReports.IgnoreQueryFilters().ExecuteDeleteAsync(Ct));
        var accepted = await AcceptedAsync(app, s);
        // A figure changed behind the checker's back (e.g. by hand in the database): publication checks again.
        var broken = AnnualReportJson.Read(accepted.ModelJson).WithApplications("三(一)", 9, 0, 0, 0, 0, 0, 1);
        await app.WithDbAsync(db => db.AnnualReports.IgnoreQueryFilters().ExecuteUpdateAsync(u => u.SetProperty(r => r.ModelJson, AnnualReportJson.Write(broken)), Ct));
        var withErrors = await Assert.ThrowsAsync<ValidationException>(() => PublishAsync(app, s.Head, s.Bureau.Id, accepted.Version));
        var itemsAfterRefusal = await app.WithDbAsync(db => db.Items.IgnoreQueryFilters().CountAsync(i => i.ColumnId == db.Columns.IgnoreQueryFilters().Where(c => c.Key == StandardColumns.AnnualReports && c.AgencyId == s.Bureau.Id).Select(c => c.Id).Single(), Ct));
        await app.WithDbAsync(db => db.AnnualReports.IgnoreQueryFilters().ExecuteUpdateAsync(u => u.SetProperty(r => r.ModelJson, accepted.ModelJson), Ct));
        var published = await PublishAsync(app, s.Head, s.Bureau.Id, accepted.Version);
        var locked = await Assert.ThrowsAsync<ValidationException>(() => app.WithReportsAsync(r =>
            r.SaveDraftAsync(s.Head, s.Bureau.Id, 2021, published.Version, ReportEdits.None, Ct)));

        Assert.Equal("2021 年度报告当前为“草稿”，主管部门接收后才能公开。", notAccepted.Message);
        Assert.StartsWith("2021 年度报告还有", withErrors.Message, StringComparison.Ordinal);
        Assert.EndsWith("项错误，不能公开。", withErrors.Message, StringComparison.Ordinal);
        Assert.Equal(0, itemsAfterRefusal);
        Assert.True(published.PublishedLate);
        Assert.Equal("2021 年度报告当前为“已公开”，不能修改。", locked.Message);
    }

    [Theory, BothDatabases]
    public async Task Correction_IsANewRevision_PublicOnlyOnceAccepted_MarkedAsCorrected_WithTheEarlierOneReachable(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 1, 20));
        var s = await SetUpAsync(app);
        var first = await PublishAsync(app, s.Head, s.Bureau.Id, (await AcceptedAsync(app, s)).Version);
        using var reader = app.Client();
        // Read once so the portal's output cache holds the first revision: the correction must evict it through the change feed.
        var cachedFirst = await reader.GetStringAsync("/agencies/RPT001/reports/2021", Ct);
        app.Today(D(2022, 3, 2));
        var draft = await app.WithReportsAsync(r => r.GenerateDraftAsync(s.Head, s.Bureau.Id, 2021, Ct));
        using var anonymous = app.Client();
        var whileDrafting = AnnualReportJson.Read(await anonymous.GetStringAsync("/api/v1/agencies/RPT001/reports/2021", Ct));
        var saved = await app.WithReportsAsync(r => r.SaveDraftAsync(s.Head, s.Bureau.Id, 2021, draft.Record.Version,
            new ReportEdits(new Dictionary<string, string?>(), new Dictionary<string, string?> { ["五"] = "更正后的第五部分。" }), Ct));
        var submitted = await WorkflowAsync(app, w => w.SubmitAsync(s.Head, s.Bureau.Id, 2021, saved.Record.Version, "已核对", Ct));
        var accepted = await WorkflowAsync(app, w => w.AcceptAsync(s.Office, s.Bureau.Id, 2021, submitted.Version, Ct));
        var second = await PublishAsync(app, s.Head, s.Bureau.Id, accepted.Version);
        var item = await app.WithDbAsync(db => db.Items.IgnoreQueryFilters().SingleAsync(i => i.Id == second.ItemId, Ct));
        var page = await ReportPublishingKit.WaitForAsync(reader, "/agencies/RPT001/reports/2021", "更正后的第五部分。");
        var earlier = await anonymous.GetStringAsync("/agencies/RPT001/reports/2021?revision=1", Ct);
        var api = AnnualReportJson.Read(await anonymous.GetStringAsync("/api/v1/agencies/RPT001/reports/2021", Ct));
        var apiEarlier = AnnualReportJson.Read(await anonymous.GetStringAsync("/api/v1/agencies/RPT001/reports/2021?revision=1", Ct));

        Assert.DoesNotContain("更正", cachedFirst, StringComparison.Ordinal);
        Assert.Equal(2, draft.Record.Revision);
        Assert.Equal("存在的主要问题及改进情况。", whileDrafting.Text.Problems);
        Assert.Equal(first.ItemId, second.ItemId);
        Assert.Equal(2, second.Revision);
        Assert.Equal("示例县教育局2021年政府信息公开工作年度报告（更正）", item.Title);
        Assert.Contains("2022年3月2日更正", item.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("更正：2022-03-02 公开第 2 版", page, StringComparison.Ordinal);
        Assert.Contains("更正后的第五部分。", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/agencies/RPT001/reports/2021?revision=1\"", page, StringComparison.Ordinal);
        Assert.Contains("此版本已被更正。", earlier, StringComparison.Ordinal);
        Assert.Contains("存在的主要问题及改进情况。", earlier, StringComparison.Ordinal);
        Assert.Equal("更正后的第五部分。", api.Text.Problems);
        Assert.Equal("存在的主要问题及改进情况。", apiEarlier.Text.Problems);
    }

    [Theory, BothDatabases]
    public async Task SupervisorsDashboard_ShowsEachSubordinatesStatus_NotStartedDraftPublished_AndLateness(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 1, 20));
        var s = await SetUpAsync(app);
        await PublishAsync(app, s.Head, s.Bureau.Id, (await AcceptedAsync(app, s)).Version);
        var county = s.Office.AgencyId;
        var finance = await app.AddAgencyAsync("RPT002", "示例县财政局", county);
        var health = await app.AddAgencyAsync("RPT003", "示例县卫生健康局", county);
        var healthHead = await app.AddStaffAsync("hhead", health.Id, StaffRole.AgencyAdmin);
        await app.WithReportsAsync(r => r.GenerateDraftAsync(healthHead, health.Id, 2021, Ct));
        app.Today(D(2022, 2, 5));
        using var office = app.Client();
        await app.SignInAsync(office, "office");
        using var head = app.Client();
        await app.SignInAsync(head, "head");

        var page = await office.GetStringAsync("/staff/reports/dashboard?year=2021", Ct);
        var forbidden = await head.GetAsync("/staff/reports/dashboard?year=2021", Ct);

        Assert.Matches("data-agency=\"RPT001\">\\s*<th scope=\"row\">示例县教育局</th>\\s*<td>已公开</td>\\s*<td>2022-01-31</td>\\s*<td>2022-01-20</td>\\s*<td>按时公开</td>", page);
        Assert.Matches("data-agency=\"RPT002\">\\s*<th scope=\"row\">示例县财政局</th>\\s*<td>未开始</td>\\s*<td>2022-01-31</td>\\s*<td></td>\\s*<td>已逾期未公开</td>", page);
        Assert.Matches("data-agency=\"RPT003\">\\s*<th scope=\"row\">示例县卫生健康局</th>\\s*<td>草稿</td>", page);
        Assert.Contains("href=\"/agencies/RPT001/reports/2021\"", page, StringComparison.Ordinal);
        Assert.Equal("/staff/denied", forbidden.Headers.Location?.AbsolutePath);
    }
}
