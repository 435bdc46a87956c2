using System.Net;
using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary>The back office's report pages and the staff API: generate, edit, see findings on cells, download the JSON.</summary>
public sealed class ReportPagesTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Staff_GenerateEditAndDownload_ShowFindingsOnTheirCells(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var agency = await app.SetUpAsync();
        await ReportRecords.AddFixtureAsync(app, agency.Id);
        await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        using var client = app.Client();
        await app.SignInAsync(client, "editor");

        var index = await client.GetStringAsync("/staff/reports", Ct);
        var (_, edit, location) = await client.PostAndFollowAsync("/staff/reports?handler=Generate",
            FormFields.Encoded(FormFields.AntiforgeryToken(index), ("generateYear", "2021")));
        var version = await app.WithDbAsync(db => db.AnnualReports.Select(r => r.Version).SingleAsync(Ct));
        var broken = ReportCells.ApplicationKey("三(一)", 0);
        var (_, afterSave, _) = await client.PostAndFollowAsync("/staff/reports/edit?year=2021&handler=Save",
            FormFields.Encoded(FormFields.AntiforgeryToken(edit), ("Version", version.ToString()), ("cell:" + broken, "5"), ("text:五", "问题与改进。")));
        var (negativeStatus, refused, _) = await client.PostAndFollowAsync("/staff/reports/edit?year=2021&handler=Save",
            FormFields.Encoded(FormFields.AntiforgeryToken(afterSave), ("Version", (version + 1).ToString()),
                ("cell:" + ReportCells.Section2Key("第二十条第（五）项", "行政许可", "本年处理决定数量"), "-1")));
        using var json = await client.GetAsync("/staff/reports/edit?year=2021&handler=Json", Ct);
        var list = await client.GetStringAsync("/staff/reports", Ct);

        Assert.Equal("/staff/reports/edit?year=2021", location?.OriginalString);
        Assert.Contains("一、本年新收政府信息公开申请数量", edit, StringComparison.Ordinal);
        Assert.Contains("RPTA09", edit, StringComparison.Ordinal);
        Assert.Contains("已保存草稿；检查发现错误", afterSave, StringComparison.Ordinal);
        Assert.Matches("class=\"has-finding\">\\s*<input name=\"cell:三\\(一\\)\\|总计\"", afterSave);
        Assert.Contains("data-rule=\"row-total\"", afterSave, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, negativeStatus);
        Assert.Contains("第二十条第（五）项 行政许可“本年处理决定数量”不能为负数（“-1”）。", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var model = AnnualReportJson.Read(await json.Content.ReadAsStringAsync(Ct));
        Assert.Equal(5, model.Applications["三(一)"][0]);
        Assert.Equal("问题与改进。", model.Text.Problems);
        Assert.Contains("草稿", list, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task StaffApi_Report_IsTheJsonModel_AndAForeignAgencysIsNotFound(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var agency = await app.SetUpAsync();
        var other = await app.AddAgencyAsync("RPT009", "示例县财政局", agency.Id);
        await ReportRecords.AddFixtureAsync(app, agency.Id);
        var clerk = await app.AddStaffAsync("clerk", other.Id, Roles.Editor);
        var admin = await app.AdminAsync();
        using var adminApi = app.Client(await app.IssueTokenAsync(admin));
        using var clerkApi = app.Client(await app.IssueTokenAsync(clerk));

        using var own = await adminApi.GetAsync($"/api/v1/staff/agencies/{agency.Code}/reports/2021", Ct);
        using var foreign = await clerkApi.GetAsync($"/api/v1/staff/agencies/{agency.Code}/reports/2021", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var report = AnnualReportJson.Read(await own.Content.ReadAsStringAsync(Ct));
        Assert.Equal(4, report.Applications["一"][ApplicantColumns.Total]);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}

/// <summary>The workflow through the pages: the agency submits, its supervising office finds it in its list and accepts it.</summary>
public sealed class ReportReviewPagesTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Submitted_IsListedForTheSupervisingOffice_WhichAcceptsIt(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 1, 10));
        var county = await app.SetUpAsync();
        var bureau = await app.AddAgencyAsync("RPT001", "示例县教育局", county.Id);
        var head = await app.AddStaffAsync("head", bureau.Id, Gongkai.Domain.Agencies.StaffRole.AgencyAdmin);
        await app.AddStaffAsync("office", county.Id, Roles.Supervisor);
        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(head, bureau.Id, 2021, Ct));
        var complete = draft.Report.Section2.Cells().Where(c => c.Value is null)
            .ToDictionary(c => ReportCells.Section2Key(c.Table.Key, c.Row, c.Column.Label), _ => (string?)"0");
        var saved = await app.WithReportsAsync(s => s.SaveDraftAsync(head, bureau.Id, 2021, draft.Record.Version, new ReportEdits(complete, new Dictionary<string, string?>()), Ct));
        using var headClient = app.Client();
        await app.SignInAsync(headClient, "head");
        var edit = await headClient.GetStringAsync("/staff/reports/edit?year=2021", Ct);
        var (_, afterSubmit, _) = await headClient.PostAndFollowAsync("/staff/reports/edit?year=2021&handler=Submit",
            FormFields.Encoded(FormFields.AntiforgeryToken(edit), ("Version", saved.Record.Version.ToString()), ("warningReason", "已核对")));
        using var officeClient = app.Client();
        await app.SignInAsync(officeClient, "office");

        var list = await officeClient.GetStringAsync("/staff/reports", Ct);
        var review = await officeClient.GetStringAsync($"/staff/reports/edit?year=2021&agency={bureau.Id}", Ct);
        var version = await app.WithDbAsync(db => db.AnnualReports.Select(r => r.Version).SingleAsync(Ct));
        var (_, afterAccept, _) = await officeClient.PostAndFollowAsync($"/staff/reports/edit?year=2021&agency={bureau.Id}&handler=Accept",
            FormFields.Encoded(FormFields.AntiforgeryToken(review), ("Version", version.ToString())));

        Assert.Contains("已报送政府信息公开工作主管部门。", afterSubmit, StringComparison.Ordinal);
        Assert.Contains("示例县教育局", list, StringComparison.Ordinal);
        Assert.Contains("已接收该年度报告。", afterAccept, StringComparison.Ordinal);
        Assert.Equal(AnnualReportStatus.Accepted, await app.WithDbAsync(db => db.AnnualReports.Select(r => r.Status).SingleAsync(Ct)));
    }
}
