using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Reports;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The annual report generated from the records (条例第五十条): sections 三 and 四 from the cases and appeals,
/// 第二十条第（一）项 from the catalog, 六 from the fees — equal to the golden files in both templates.
/// </summary>
public sealed class ReportGenerationTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<GeneratedReport> GenerateAsync(TestApp app, int agencyId, int year) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ReportGenerator>().GenerateAsync(StaffContext.System(), agencyId, year, Ct));

    private static async Task<(TestApp App, int AgencyId)> FixtureAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var agency = await app.SetUpAsync();
        await ReportRecords.AddFixtureAsync(app, agency.Id);
        return (app, agency.Id);
    }

    [Theory, BothDatabases]
    public async Task Generate2021_FromTheRecords_EqualsTheGoldenReport(DatabaseProvider provider)
    {
        var (app, agencyId) = await FixtureAsync(provider, postgres);
        await using var _ = app;

        var generated = await GenerateAsync(app, agencyId, 2021);

        Assert.Equal(ReportTemplates.Format2021, generated.Report.Template);
        GoldenReports.AssertMatches("generated-2021.json", AnnualReportJson.Write(generated.Report));
    }

    [Theory, BothDatabases]
    public async Task Generate2020_UsesThe2019FormatWithOneOtherHandlingRow_AndEqualsTheGoldenReport(DatabaseProvider provider)
    {
        var (app, agencyId) = await FixtureAsync(provider, postgres);
        await using var _ = app;

        var generated = await GenerateAsync(app, agencyId, 2020);

        Assert.Equal(ReportTemplates.Format2019, generated.Report.Template);
        Assert.Equal(1, generated.Report.Applications["三(六)"][ApplicantColumns.Total]);
        GoldenReports.AssertMatches("generated-2020.json", AnnualReportJson.Write(generated.Report));
    }

    [Theory, BothDatabases]
    public async Task Generate_AYearWithOpenCases_ListsThemAndHowTheyCount(DatabaseProvider provider)
    {
        var (app, agencyId) = await FixtureAsync(provider, postgres);
        await using var _ = app;

        var y2020 = await GenerateAsync(app, agencyId, 2020);
        var y2021 = await GenerateAsync(app, agencyId, 2021);

        Assert.Equal(["RPTA05", "RPTA06"], y2020.CarriedOver.Select(c => c.TrackingCode));
        Assert.Equal("计入2020年“四、结转下年度继续办理”；已于2021年1月15日办结，计入2021年的办理结果", y2020.CarriedOver[0].HowCounted(2020));
        var open = Assert.Single(y2021.CarriedOver);
        Assert.Equal("RPTA09", open.TrackingCode);
        Assert.Equal("尚未办结：计入2021年“四、结转下年度继续办理”和2022年“二、上年结转”", open.HowCounted(2021));
    }

    [Theory, BothDatabases]
    public async Task Generated_WithTheStaffEnteredCells_PassesTheCheckerWithoutErrors(DatabaseProvider provider)
    {
        var (app, agencyId) = await FixtureAsync(provider, postgres);
        await using var _ = app;
        var editor = await app.AddStaffAsync("editor", agencyId, Roles.Editor);

        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agencyId, 2021, Ct));
        var entered = draft.Report.Section2.Cells().Where(c => c.Value is null)
            .ToDictionary(c => ReportCells.Section2Key(c.Table.Key, c.Row, c.Column.Label), _ => (string?)"0");
        var saved = await app.WithReportsAsync(s => s.SaveDraftAsync(editor, agencyId, 2021, draft.Record.Version,
            new ReportEdits(entered, new Dictionary<string, string?> { ["一"] = OverviewDraft.For(draft.Report) }), Ct));

        // Only the cells the records cannot know are missing from the generated draft.
        var incomplete = Assert.Single(draft.Report.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal("incomplete", incomplete.Rule);
        Assert.Equal(["二", "第二十条第（五）项", "行政许可", "本年处理决定数量"], incomplete.Cells);
        Assert.DoesNotContain(saved.Report.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(0, saved.Record.ErrorCount);
        Assert.True(ReportChecker.AllowsSubmission(saved.Report.Findings));
    }

    [Theory, BothDatabases]
    public async Task RegionSummary_OverTwoAgencies_IsTheirSum(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var county = await app.SetUpAsync();
        var first = await app.AddAgencyAsync("RPT001", "示例县教育局", county.Id);
        var second = await app.AddAgencyAsync("RPT002", "示例县民政局", county.Id);
        await ReportRecords.AddFixtureAsync(app, first.Id, "B");
        await ReportRecords.AddFixtureAsync(app, second.Id, "C");
        var supervisor = await app.AddStaffAsync("office", county.Id, Roles.Supervisor);
        var editor = await app.AddStaffAsync("editor", first.Id, Roles.Editor);
        // A stored draft counts with what staff entered in it.
        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, first.Id, 2021, Ct));
        await app.WithReportsAsync(s => s.SaveDraftAsync(editor, first.Id, 2021, draft.Record.Version,
            new ReportEdits(new Dictionary<string, string?> { [ReportCells.Section2Key("第二十条第（五）项", "行政许可", "本年处理决定数量")] = "7" },
                new Dictionary<string, string?>()), Ct));

        var summary = await app.InScopeAsync(sp => sp.GetRequiredService<RegionSummaries>().SummaryAsync(supervisor, county.Id, 2021, Ct));
        var one = (await GenerateAsync(app, second.Id, 2021)).Report;

        Assert.Equal(3, summary.Agencies);
        Assert.Equal(1, summary.Stored);
        Assert.Equal("示例县人民政府（汇总）", summary.Report.Agency);
        foreach (var (row, cells) in one.Applications)
        {
            Assert.Equal(cells.Select(c => c * 2), summary.Report.Applications[row]);
        }
        Assert.Equal(one.ReviewLitigation.Select(c => c * 2), summary.Report.ReviewLitigation);
        Assert.Equal(4, summary.Report.Section2["第二十条第（一）项", "行政规范性文件", "现行有效件数"] + summary.Report.Section2["第二十条第（一）项", "规章", "现行有效件数"]);
        // Unknown in one agency's report: unknown in the sum, never a guess.
        Assert.Null(summary.Report.Section2["第二十条第（五）项", "行政许可", "本年处理决定数量"]);
        Assert.DoesNotContain(summary.Report.Findings, f => f.Rule is "balance" or "row-total" or "outcome-sum" or "review-total");
    }

    [Theory, BothDatabases]
    public async Task RegionSummary_ForAnAgencyNotSupervising_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var county = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", county.Id, Roles.Editor);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<RegionSummaries>().SummaryAsync(editor, county.Id, 2021, Ct)));

        Assert.Equal("只有政务公开主管部门可以汇总下级单位的年度报告。", refused.Message);
    }
}
