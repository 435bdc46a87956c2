using Gongkai.Application;
using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary>Drafts as staff edit them: every save is checked; a rule broken by hand is kept as a finding on its cell; bad counts are refused.</summary>
public sealed class ReportDraftTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReportEdits Cells(params (string Key, string? Value)[] cells) =>
        new(cells.ToDictionary(c => c.Key, c => c.Value), new Dictionary<string, string?>());

    [Theory, BothDatabases]
    public async Task HandEditThatBreaksARule_IsSavedAsDraft_WithTheFindingOnItsCell(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var agency = await app.SetUpAsync();
        await ReportRecords.AddFixtureAsync(app, agency.Id);
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agency.Id, 2021, Ct));

        var saved = await app.WithReportsAsync(s => s.SaveDraftAsync(editor, agency.Id, 2021, draft.Record.Version,
            new ReportEdits(new Dictionary<string, string?> { [ReportCells.ApplicationKey("三(一)", 0)] = "5" },
                new Dictionary<string, string?> { ["一"] = "2021年，本机关共收到政府信息公开申请99件。" }), Ct));
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.AgencyId == agency.Id && r.Year == 2021, Ct));

        Assert.Equal(AnnualReportStatus.Draft, stored.Status);
        Assert.Equal(5, saved.Report.Applications["三(一)"][0]);
        Assert.Contains(saved.Report.Findings, f => f.Rule == "row-total" && f.Cells.SequenceEqual(["三(一)", "总计"]));
        Assert.Contains(saved.Report.Findings, f => f.Rule == "text-numbers" && f.Cells.SequenceEqual(["一"]));
        Assert.Contains("\"row-total\"", stored.ModelJson, StringComparison.Ordinal);
        Assert.True(stored.ErrorCount > 0);
    }

    [Theory, BothDatabases]
    public async Task NegativeOrFractionalCount_IsRefusedInChinese_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agency.Id, 2021, Ct));
        var permits = ReportCells.Section2Key("第二十条第（五）项", "行政许可", "本年处理决定数量");

        var negative = await Assert.ThrowsAsync<ValidationException>(() => app.WithReportsAsync(s =>
            s.SaveDraftAsync(editor, agency.Id, 2021, draft.Record.Version, Cells((permits, "-3"), (ReportCells.ApplicationKey("一", 0), "0")), Ct)));
        var fraction = await Assert.ThrowsAsync<ValidationException>(() => app.WithReportsAsync(s =>
            s.SaveDraftAsync(editor, agency.Id, 2021, draft.Record.Version, Cells((permits, "1.5")), Ct)));
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.AgencyId == agency.Id, Ct));

        Assert.Equal("第二十条第（五）项 行政许可“本年处理决定数量”不能为负数（“-3”）。", negative.Message);
        Assert.Equal("第二十条第（五）项 行政许可“本年处理决定数量”应为整数，不能是“1.5”。", fraction.Message);
        Assert.Equal(draft.Record.Version, stored.Version);
        Assert.Equal(draft.Record.ModelJson, stored.ModelJson);
    }

    [Theory, BothDatabases]
    public async Task Format2019_PreviousYearsItemCount_ComesFromLastYearsStoredReport(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2021, 1, 10));
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var y2019 = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agency.Id, 2019, Ct));
        await app.WithReportsAsync(s => s.SaveDraftAsync(editor, agency.Id, 2019, y2019.Record.Version, Cells(
            (ReportCells.Section2Key("第二十条第（五）项", "行政许可", "上一年项目数量"), "40"),
            (ReportCells.Section2Key("第二十条第（五）项", "行政许可", "本年增/减"), "-2")), Ct));

        var y2020 = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agency.Id, 2020, Ct));

        Assert.Equal(38m, y2020.Report.Section2["第二十条第（五）项", "行政许可", "上一年项目数量"]);
        Assert.Null(y2020.Report.Section2["第二十条第（五）项", "行政许可", "本年增/减"]);
    }

    [Theory, BothDatabases]
    public async Task Refresh_KeepsWhatStaffEntered_AndTakesTheNewFigures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Today(D(2022, 2, 10));
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agency.Id, 2021, Ct));
        var permits = ReportCells.Section2Key("第二十条第（五）项", "行政许可", "本年处理决定数量");
        await app.WithReportsAsync(s => s.SaveDraftAsync(editor, agency.Id, 2021, draft.Record.Version,
            new ReportEdits(new Dictionary<string, string?> { [permits] = "12" }, new Dictionary<string, string?> { ["五"] = "存在的问题。" }), Ct));
        await ReportRecords.AddFixtureAsync(app, agency.Id);

        var refreshed = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agency.Id, 2021, Ct));

        Assert.Equal(12m, refreshed.Report.Section2["第二十条第（五）项", "行政许可", "本年处理决定数量"]);
        Assert.Equal("存在的问题。", refreshed.Report.Text.Problems);
        Assert.Equal(4, refreshed.Report.Applications["一"][ApplicantColumns.Total]);
        Assert.Equal(1, refreshed.Record.Revision);
    }
}
