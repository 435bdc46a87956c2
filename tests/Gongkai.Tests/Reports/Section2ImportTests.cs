using System.Globalization;
using Gongkai.Application;
using Gongkai.Application.Reports;
using Gongkai.Application.Reports.Import;
using Gongkai.Documents;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Section 二 from an Excel sheet: the blank template carries the year's exact labels; a filled sheet lands in the draft
/// with the same checks as a hand edit; a bad file, an unknown label or a bad number is refused, naming the cell, and
/// nothing is saved.
/// </summary>
public sealed class Section2ImportTests(PostgresServer postgres)
{
    private const string Permits = "第二十条第（五）项";
    private const string Penalties = "第二十条第（六）项";
    private const string Decisions = "本年处理决定数量";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void BlankTemplate_HasTheLabelsOfTheYearsFormat_AndLeavesOutTheCatalogTable()
    {
        var y2021 = XlsxReader.Read(Section2Import.BlankTemplate(2021)).Single();
        var y2020 = XlsxReader.Read(Section2Import.BlankTemplate(2020)).Single();
        var firsts2021 = y2021.Rows.Select(r => r.Count > 0 ? r[0] : "").ToList();

        Assert.Equal(Section2Import.SheetName, y2021.Name);
        Assert.Contains(y2021.Rows, r => r.SequenceEqual([Permits, Decisions]));
        Assert.Contains(y2021.Rows, r => r.SequenceEqual(["第二十条第（八）项", "本年收费金额（单位：万元）"]));
        Assert.Contains("行政强制", firsts2021);
        Assert.DoesNotContain("第二十条第（一）项", firsts2021);
        Assert.DoesNotContain("第二十条第（九）项", firsts2021);
        Assert.Contains(y2020.Rows, r => r.SequenceEqual([Permits, "上一年项目数量", "本年增/减", "处理决定数量"]));
        Assert.Contains(y2020.Rows, r => r.Count > 0 && r[0] == "第二十条第（九）项");
        Assert.Equal(0, y2021.FormulaCount);
    }

    [Fact]
    public void BlankTemplate_ForAYearBefore2019_IsRefused()
    {
        var refused = Assert.Throws<ValidationException>(() => Section2Import.BlankTemplate(2018));

        Assert.Contains("没有可从 Excel 导入", refused.Message, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task FilledTemplate_GoesIntoTheDraft_AndIsChecked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (agency, editor, draft) = await DraftAsync(app);
        var filled = Fill(Section2Import.BlankTemplate(2021), (Permits, "行政许可", Decisions, "120"), (Penalties, "行政处罚", Decisions, "37"),
            ("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", "12.5"));

        var saved = await ImportAsync(app, editor, agency, draft.Record.Version, filled);

        Assert.Equal(120m, saved.Report.Section2[Permits, "行政许可", Decisions]);
        Assert.Equal(37m, saved.Report.Section2[Penalties, "行政处罚", Decisions]);
        Assert.Equal(12.5m, saved.Report.Section2["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"]);
        // Cells left empty in the sheet keep the draft's value (unknown here).
        Assert.Null(saved.Report.Section2[Penalties, "行政强制", Decisions]);
        Assert.Equal(draft.Record.Version + 1, saved.Record.Version);
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.AgencyId == agency && r.Year == 2021, Ct));
        Assert.Contains("120", stored.ModelJson, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task NegativeCount_IsRefusedNamingTheExcelCell_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (agency, editor, draft) = await DraftAsync(app);
        var sheet = Sheet([Permits, Decisions], ["行政许可", "-3"], [], [Penalties, Decisions], ["行政处罚", "8"]);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(app, editor, agency, draft.Record.Version, sheet));

        Assert.Equal("单元格 B2：第二十条第（五）项 行政许可“本年处理决定数量”不能为负数（“-3”）。", refused.Message);
        await AssertUnchangedAsync(app, agency, draft);
    }

    [Theory, BothDatabases]
    public async Task TextOrFractionInACountCell_IsRefusedNamingTheCell(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (agency, editor, draft) = await DraftAsync(app);
        var sheet = Sheet([Penalties, Decisions], ["行政处罚", "约二十件"], ["行政强制", "2.5"]);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(app, editor, agency, draft.Record.Version, sheet));

        var messages = refused.Errors.SelectMany(e => e.Value).ToList();
        Assert.Contains("单元格 B2：第二十条第（六）项 行政处罚“本年处理决定数量”应为整数，不能是“约二十件”。", messages);
        Assert.Contains("单元格 B3：第二十条第（六）项 行政强制“本年处理决定数量”应为整数，不能是“2.5”。", messages);
        await AssertUnchangedAsync(app, agency, draft);
    }

    [Theory, BothDatabases]
    public async Task UnknownItemRowOrColumnLabels_AreAllReported_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (agency, editor, draft) = await DraftAsync(app);
        // A 2019-format sheet (its 上一年项目数量 column, its （九） table) against a 2021 draft, plus a misspelt row.
        var sheet = Sheet([Permits, "上一年项目数量", Decisions], ["行政许可", "40", "5"], ["行政许诺", "", "1"], [],
            ["第二十条第（九）项", "采购项目数量"], ["政府集中采购", "3"], [], ["第二十条第（一）项", "本年制发件数"], ["规章", "1"]);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(app, editor, agency, draft.Record.Version, sheet));

        var messages = refused.Errors["file"];
        Assert.Contains("单元格 B1：“第二十条第（五）项”没有“上一年项目数量”这一栏。", messages);
        Assert.Contains("单元格 A3：“第二十条第（五）项”没有“行政许诺”这一行。", messages);
        Assert.Contains(messages, m => m.StartsWith("单元格 A5：该年度报告", StringComparison.Ordinal) && m.EndsWith("第二部分没有“第二十条第（九）项”这一项。", StringComparison.Ordinal));
        Assert.Contains("单元格 A8：“第二十条第（一）项”由目录自动统计，不能从 Excel 导入。", messages);
        await AssertUnchangedAsync(app, agency, draft);
    }

    [Theory, BothDatabases]
    public async Task AFileThatIsNotXlsx_OrTooLarge_OrEmpty_IsRefusedInChinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (agency, editor, draft) = await DraftAsync(app);
        var csv = "第二十条第（五）项,本年处理决定数量\n行政许可,3\n"u8.ToArray();
        var docx = WordWriter.Write(new Document("示例", [new Paragraph("第二十条第（五）项")]));
        var huge = new byte[Section2Import.MaxBytes + 1];

        var notXlsx = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(app, editor, agency, draft.Record.Version, csv));
        var word = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(app, editor, agency, draft.Record.Version, docx));
        var tooLarge = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(app, editor, agency, draft.Record.Version, huge));
        var blank = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(app, editor, agency, draft.Record.Version, Section2Import.BlankTemplate(2021)));

        Assert.StartsWith("无法读取Excel文件", notXlsx.Errors["file"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("无法读取Excel文件", word.Errors["file"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("Excel文件超过 1 MB", tooLarge.Errors["file"].Single(), StringComparison.Ordinal);
        Assert.Equal("表中没有填写任何数字，未导入。", blank.Message);
        await AssertUnchangedAsync(app, agency, draft);
    }

    [Theory, BothDatabases]
    public async Task StaffPage_OffersTheTemplate_ShowsARefusedSheetsCell_AndImportsAGoodOne(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (agency, _, draft) = await DraftAsync(app);
        using var client = app.Client();
        await app.SignInAsync(client, "editor");

        var edit = await client.GetStringAsync("/staff/reports/edit?year=2021", Ct);
        var page = await client.GetStringAsync("/staff/reports/section2-import?year=2021", Ct);
        using var template = await client.GetAsync("/staff/reports/section2-import?year=2021&handler=Template", Ct);
        var templateBytes = await template.Content.ReadAsByteArrayAsync(Ct);
        var (badStatus, refused, _) = await client.PostAndFollowAsync("/staff/reports/section2-import?year=2021",
            Upload(page, draft.Record.Version, Sheet([Permits, Decisions], ["行政许可", "-3"])));
        var (_, imported, location) = await client.PostAndFollowAsync("/staff/reports/section2-import?year=2021",
            Upload(refused, draft.Record.Version, Fill(templateBytes, (Permits, "行政许可", Decisions, "9"))));

        Assert.Contains("section2-import?year=2021", edit, StringComparison.Ordinal);
        Assert.Equal(ExcelWriter.ContentType, template.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Net.HttpStatusCode.OK, badStatus);
        Assert.Contains("单元格 B2：第二十条第（五）项 行政许可“本年处理决定数量”不能为负数（“-3”）。", refused, StringComparison.Ordinal);
        Assert.Equal("/staff/reports/edit?year=2021", location?.OriginalString);
        Assert.Contains("已从 Excel 导入第二部分", imported, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.AgencyId == agency && r.Year == 2021, Ct));
        Assert.Equal(9m, Gongkai.Domain.Reports.AnnualReportJson.Read(stored.ModelJson).Section2[Permits, "行政许可", Decisions]);
    }

    private static MultipartFormDataContent Upload(string page, int version, byte[] file)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormFields.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "Version" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ExcelWriter.ContentType);
        form.Add(content, "Upload", "第二部分.xlsx");
        return form;
    }

    private static async Task<(int Agency, Application.Accounts.StaffContext Editor, StoredReport Draft)> DraftAsync(TestApp app)
    {
        app.Today(D(2022, 2, 10));
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var draft = await app.WithReportsAsync(s => s.GenerateDraftAsync(editor, agency.Id, 2021, Ct));
        return (agency.Id, editor, draft);
    }

    private static Task<StoredReport> ImportAsync(TestApp app, Application.Accounts.StaffContext editor, int agency, int version, byte[] file) =>
        app.InScopeAsync(sp => sp.GetRequiredService<Section2Import>().ImportAsync(editor, agency, 2021, version, new MemoryStream(file), Ct));

    private static async Task AssertUnchangedAsync(TestApp app, int agency, StoredReport draft)
    {
        var stored = await app.WithDbAsync(db => db.AnnualReports.SingleAsync(r => r.AgencyId == agency && r.Year == 2021, Ct));
        Assert.Equal(draft.Record.Version, stored.Version);
        Assert.Equal(draft.Record.ModelJson, stored.ModelJson);
    }

    /// <summary>A sheet as Excel saves it: what looks like a number is stored as a number, the rest as text.</summary>
    private static byte[] Sheet(params string[][] rows) => ExcelWriter.Write(new Worksheet(Section2Import.SheetName, rows)
    {
        Numbers = rows.SelectMany((row, r) => row.Select((v, c) => (r, c, v)))
            .Where(x => decimal.TryParse(x.v, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            .ToDictionary(x => (x.r, x.c), x => decimal.Parse(x.v, NumberStyles.Number, CultureInfo.InvariantCulture)),
    });

    /// <summary>The downloaded template with values typed into (item, row, column) cells.</summary>
    private static byte[] Fill(byte[] template, params (string Item, string Row, string Column, string Value)[] values)
    {
        var rows = XlsxReader.Read(template).Single().Rows.Select(r => r.ToList()).ToList();
        foreach (var (item, row, column, value) in values)
        {
            var header = rows.FindIndex(r => r.Count > 0 && r[0] == item);
            var c = rows[header].IndexOf(column);
            var line = rows[rows.FindIndex(header, r => r.Count > 0 && r[0] == row)];
            while (line.Count <= c)
            {
                line.Add("");
            }
            line[c] = value;
        }
        return Sheet([.. rows.Select(r => r.ToArray())]);
    }
}
