using Gongkai.Application;
using Gongkai.Application.Reports;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary>条例第四十九条: submitted to the supervising office, returned with comments or accepted; errors block submission.</summary>
public sealed class ReportWorkflowTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<T> WithWorkflowAsync<T>(TestApp app, Func<ReportWorkflow, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<ReportWorkflow>()));

    [Theory, BothDatabases]
    public async Task Submit_WithErrors_IsRefused_ThenReturnedAndAccepted_ByTheSupervisingOffice(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 1, 10));
        var county = await app.SetUpAsync();
        var bureau = await app.AddAgencyAsync("RPT001", "示例县教育局", county.Id);
        await ReportRecords.AddFixtureAsync(app, bureau.Id);
        var head = await app.AddStaffAsync("head", bureau.Id, StaffRole.AgencyAdmin);
        var office = await app.AddStaffAsync("office", county.Id, Roles.Supervisor);
        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(head, bureau.Id, 2021, Ct));

        var withErrors = await Assert.ThrowsAsync<ValidationException>(() =>
            WithWorkflowAsync(app, w => w.SubmitAsync(head, bureau.Id, 2021, draft.Record.Version, null, Ct)));
        var complete = draft.Report.Section2.Cells().Where(c => c.Value is null)
            .ToDictionary(c => ReportCells.Section2Key(c.Table.Key, c.Row, c.Column.Label), _ => (string?)"0");
        var saved = await app.WithReportsAsync(s => s.SaveDraftAsync(head, bureau.Id, 2021, draft.Record.Version,
            new ReportEdits(complete, new Dictionary<string, string?> { ["一"] = "2021年，本机关共收到政府信息公开申请99件。" }), Ct));
        var noReason = await Assert.ThrowsAsync<ValidationException>(() =>
            WithWorkflowAsync(app, w => w.SubmitAsync(head, bureau.Id, 2021, saved.Record.Version, " ", Ct)));
        var submitted = await WithWorkflowAsync(app, w => w.SubmitAsync(head, bureau.Id, 2021, saved.Record.Version, "申请数含咨询件，已核对", Ct));
        var acceptOwn = await Assert.ThrowsAsync<ForbiddenException>(() => WithWorkflowAsync(app, w => w.AcceptAsync(head, bureau.Id, 2021, submitted.Version, Ct)));
        var returned = await WithWorkflowAsync(app, w => w.ReturnAsync(office, bureau.Id, 2021, submitted.Version, "请补充第五部分。", Ct));
        var resubmitted = await WithWorkflowAsync(app, w => w.SubmitAsync(head, bureau.Id, 2021, returned.Version, "申请数含咨询件，已核对", Ct));
        var accepted = await WithWorkflowAsync(app, w => w.AcceptAsync(office, bureau.Id, 2021, resubmitted.Version, Ct));
        var locked = await Assert.ThrowsAsync<ValidationException>(() => app.WithReportsAsync(s =>
            s.SaveDraftAsync(head, bureau.Id, 2021, accepted.Version, ReportEdits.None, Ct)));

        Assert.Equal("2021 年度报告还有 1 项错误，改正后才能报送。", withErrors.Message);
        Assert.Equal($"2021 年度报告有 {saved.Record.WarningCount} 项提示，请说明保留的理由后报送。", noReason.Message);
        Assert.Equal(AnnualReportStatus.Submitted, submitted.Status);
        Assert.Equal("只有政务公开主管部门可以审阅下级单位的年度报告。", acceptOwn.Message);
        Assert.Equal(AnnualReportStatus.Returned, returned.Status);
        Assert.Equal("请补充第五部分。", returned.ReviewComment);
        Assert.Equal(AnnualReportStatus.Accepted, accepted.Status);
        Assert.Equal("2021 年度报告当前为“已接收”，不能修改。", locked.Message);
    }
}
