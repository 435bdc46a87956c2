using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Reports;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Reports;

/// <summary>A county, its 教育局 with the report fixture, the bureau's head and the county's 政务公开 office; a 2021 report taken to 已接收.</summary>
internal static class ReportPublishingKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Setup> SetUpAsync(TestApp app)
    {
        var county = await app.SetUpAsync();
        var bureau = await app.AddAgencyAsync("RPT001", "示例县教育局", county.Id);
        await ReportRecords.AddFixtureAsync(app, bureau.Id);
        var head = await app.AddStaffAsync("head", bureau.Id, StaffRole.AgencyAdmin);
        var office = await app.AddStaffAsync("office", county.Id, Roles.Supervisor);
        return new Setup(bureau, head, office);
    }

    /// <summary>Draft → (fill the cells staff enter) → submit → return → fix → submit → accept; the accepted record.</summary>
    public static async Task<AnnualReportRecord> AcceptedAsync(TestApp app, Setup s, string overview = "2021年，本机关共收到政府信息公开申请99件。")
    {
        var draft = await app.WithReportsAsync(r => r.GenerateDraftAsync(s.Head, s.Bureau.Id, 2021, Ct));
        var complete = draft.Report.Section2.Cells().Where(c => c.Value is null)
            .ToDictionary(c => ReportCells.Section2Key(c.Table.Key, c.Row, c.Column.Label), _ => (string?)"0");
        var saved = await app.WithReportsAsync(r => r.SaveDraftAsync(s.Head, s.Bureau.Id, 2021, draft.Record.Version,
            new ReportEdits(complete, new Dictionary<string, string?> { ["一"] = overview }), Ct));
        var submitted = await WorkflowAsync(app, w => w.SubmitAsync(s.Head, s.Bureau.Id, 2021, saved.Record.Version, "已核对", Ct));
        var returned = await WorkflowAsync(app, w => w.ReturnAsync(s.Office, s.Bureau.Id, 2021, submitted.Version, "请补充第五部分。", Ct));
        var fixedDraft = await app.WithReportsAsync(r => r.SaveDraftAsync(s.Head, s.Bureau.Id, 2021, returned.Version,
            new ReportEdits(new Dictionary<string, string?>(), new Dictionary<string, string?> { ["五"] = "存在的主要问题及改进情况。" }), Ct));
        var resubmitted = await WorkflowAsync(app, w => w.SubmitAsync(s.Head, s.Bureau.Id, 2021, fixedDraft.Record.Version, "已核对", Ct));
        return await WorkflowAsync(app, w => w.AcceptAsync(s.Office, s.Bureau.Id, 2021, resubmitted.Version, Ct));
    }

    /// <summary>The page once it shows <paramref name="text"/>: the cache is evicted by the change feed's consumer, within seconds.</summary>
    public static async Task<string> WaitForAsync(HttpClient client, string url, string text)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await client.GetStringAsync(url, Ct);
            if (page.Contains(text, StringComparison.Ordinal) || attempt == 50)
            {
                return page;
            }
            await Task.Delay(100, Ct);
        }
    }

    public static Task<T> WorkflowAsync<T>(TestApp app, Func<ReportWorkflow, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<ReportWorkflow>()));

}

internal sealed record Setup(Agency Bureau, StaffContext Head, StaffContext Office);
