using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Application;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Steps;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>
/// 条例第三十五条's reasonable later deadline, 件数 in the 按件 fee (国办函〔2020〕109号), the 2019 format's （六） row, and
/// appeals that belong to no application (条例第五十条第（三）项).
/// </summary>
public sealed class LawStepsTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<T> WithLawAsync<T>(TestApp app, Func<RequestLawSteps, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<RequestLawSteps>()));

    [Theory, BothDatabases]
    public async Task AReasonableDeadline_SetThroughTheApi_BecomesTheDueDate_AndTheDashboardStopsCallingItOverdue(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2025, 3, 3));
        var record = await app.RegisterInPersonAsync(clerk); // due 2025-03-31 under 第三十三条
        using var api = app.Client(await app.IssueTokenAsync(clerk));
        app.Today(D(2025, 3, 20));

        using var early = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/reasonable-deadline",
            new { dueOn = "2025-03-28", decidedBy = "办公室主任王五", reason = "本月提出同类申请120件" }, Ct);
        var refused = await Gongkai.Tests.Api.ApiErrorTests.ProblemAsync(early, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("合理期限不能早于当前答复期限（2025-03-31）", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null((await app.LoadAsync(record.Id)).ReasonableDeadlineOn);

        using var set = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/reasonable-deadline",
            new { dueOn = "2025-06-30", decidedBy = "办公室主任王五", reason = "本月提出同类申请120件" }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var body = await set.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("2025-06-30", body.GetProperty("dueOn").GetString());

        app.Today(D(2025, 4, 15)); // past 2025-03-31
        var dashboard = await app.WithQueriesAsync(q => q.DeadlinesAsync(clerk, agency.Id, Ct));
        var stored = await app.LoadAsync(record.Id);
        var file = await app.WithQueriesAsync(q => q.CaseFileAsync(clerk, record.Id, Ct));

        Assert.DoesNotContain(dashboard.Overdue, r => r.Id == record.Id);
        Assert.Equal(new DateOnly(2025, 6, 30), stored.DueOn);
        Assert.Equal("办公室主任王五", stored.ReasonableDeadlineDecidedBy);
        Assert.Equal(new DateOnly(2025, 3, 20), stored.ReasonableDeadlineDecidedOn);
        Assert.Contains(file.Events, e => e.Action == "request.reasonable-deadline" && e.Summary.Contains("条例第三十五条", StringComparison.Ordinal));
        Assert.Contains(file.Deadline.Computation!.Steps, s => s.Description.Contains("本月提出同类申请120件", StringComparison.Ordinal));

        app.Today(D(2025, 7, 1));
        await app.WithStoreAsync(s => s.RecomputeOpenDeadlinesAsync(Ct));
        Assert.Contains((await app.WithQueriesAsync(q => q.DeadlinesAsync(clerk, agency.Id, Ct))).Overdue, r => r.Id == record.Id);
    }

    [Theory, BothDatabases]
    public async Task TheStaffPanel_SetsTheReasonableDeadline_AndReturnsToTheCasePage(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var clerk = await app.AddStaffAsync("clerk2", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var browser = app.Client();
        await app.SignInAsync(browser, "clerk");
        var casePage = await browser.GetStringAsync($"/staff/requests/{record.Id}", Ct);
        Assert.Contains("确定合理的答复期限", casePage, StringComparison.Ordinal);
        var due = app.Clock.Today.AddDays(90).ToString("yyyy-MM-dd", null);

        using var response = await browser.PostAsync($"/staff/requests/{record.Id}/article35?handler=Deadline", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(await browser.GetStringAsync($"/staff/requests/{record.Id}/article35", Ct)),
            ["DueOn"] = due, ["DecidedBy"] = "办公室主任王五", ["Reason"] = "同一申请人本月提出同类申请120件",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/requests/{record.Id}", response.Headers.Location?.OriginalString);
        var after = await browser.GetStringAsync($"/staff/requests/{record.Id}", Ct);
        Assert.Contains($"答复期限确定为 <strong>{due}</strong>", after, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AnEarlierApplicationForSeveralItems_CountsItsItemsInTheApplicantsMonth(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2025, 3, 3));
        var twelveItems = Input();
        twelveItems.ItemCount = 12;
        await app.RegisterInPersonAsync(clerk, input: twelveItems);
        var second = await app.RegisterInPersonAsync(clerk);
        app.Today(D(2025, 3, 10));
        var later = await app.RegisterInPersonAsync(clerk);
        await WithLawAsync(app, s => s.SetItemCountAsync(clerk, second.Id, 16, Ct)); // set after registering

        // The 13th 件 of the month: 100 元 (11–30).
        var one = await app.WithFeesAsync(f => f.AssessFeeAsync(clerk, second.Id, FeeMethod.PerItem, 1, Ct));
        // 12 + 16 = 28 earlier 件: the 29th and 30th at 100 元, the 31st and 32nd at 200 元.
        var four = await app.WithFeesAsync(f => f.AssessFeeAsync(clerk, later.Id, FeeMethod.PerItem, 4, Ct));

        Assert.Equal(12, one.PriorQuantity);
        Assert.Equal(100m, one.AmountYuan);
        Assert.Equal(28, four.PriorQuantity);
        Assert.Equal(600m, four.AmountYuan);
        Assert.Equal([(29, 30, 100_00L), (31, 32, 200_00L)], four.Bands.Select(b => (b.FromUnit, b.ToUnit, b.UnitPriceFen)));
    }

    [Theory, BothDatabases]
    public async Task AnItemCountOutOfBounds_IsRefused_AtRegistrationLaterAndInTheApi_AndAValidOneIsKept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var tooMany = Input();
        tooMany.ItemCount = 1001;
        var record = await app.RegisterInPersonAsync(clerk);

        var atRegistration = await Assert.ThrowsAsync<ValidationException>(() => app.RegisterInPersonAsync(clerk, input: tooMany));
        var later = await Assert.ThrowsAsync<ValidationException>(() => WithLawAsync(app, s => s.SetItemCountAsync(clerk, record.Id, 0, Ct)));
        using var api = app.Client(await app.IssueTokenAsync(clerk));
        using var byApi = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/items", new { itemCount = 2000 }, Ct);
        var problem = await Gongkai.Tests.Api.ApiErrorTests.ProblemAsync(byApi, HttpStatusCode.BadRequest, "validation");
        using var accepted = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/items", new { itemCount = 3 }, Ct);

        Assert.Equal("件数应为1至1000件。", atRegistration.Errors["ItemCount"][0]);
        Assert.Equal("件数应为1至1000件。", later.Errors["ItemCount"][0]);
        Assert.Contains("件数应为1至1000件。", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("itemCount").GetInt32());
        Assert.Equal(3, (await app.LoadAsync(record.Id)).ItemCount);
        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task The2020Report_UsesTheSingleOtherHandlingRow_AndThe2021ReportItsSubRows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var api = app.Client(await app.IssueTokenAsync(clerk));
        foreach (var year in new[] { 2020, 2021 })
        {
            app.Today(D(year, 6, 1));
            var withdrawn = await app.RegisterInPersonAsync(clerk);
            await app.WithStepsAsync(s => s.DecideAsync(clerk, withdrawn.Id, RequestOutcomes.Other.Key, null, "申请人撤回申请", Ct));
            await app.WithStepsAsync(s => s.AnswerAsync(clerk, withdrawn.Id, null, Ct));
        }
        app.Today(D(2022, 2, 1));

        var y2020 = await app.WithQueriesAsync(q => q.AnnualStatisticsAsync(agency.Id, 2020, Ct));
        var y2021 = await app.WithQueriesAsync(q => q.AnnualStatisticsAsync(agency.Id, 2021, Ct));
        var api2020 = await api.GetFromJsonAsync<JsonElement>($"/api/v1/staff/requests/statistics?agency={agency.Id}&year=2020", Ct);
        var api2021 = await api.GetFromJsonAsync<JsonElement>($"/api/v1/staff/requests/statistics?agency={agency.Id}&year=2021", Ct);

        Assert.Equal(AnnualReportTemplate.Format2019, y2020.Template);
        var other2020 = Assert.Single(y2020.OutcomeRows, r => r.Group == OutcomeGroup.OtherHandling);
        Assert.Equal("（六）其他处理", other2020.Label);
        Assert.Equal(1, other2020.Counts[ApplicantType.NaturalPerson]);
        Assert.Equal(3, y2021.OutcomeRows.Count(r => r.Group == OutcomeGroup.OtherHandling));
        Assert.Equal(1, y2021.OutcomeRows.Single(r => r.Label == "3.其他").Counts[ApplicantType.NaturalPerson]);
        static List<string> Rows(JsonElement rows) => [.. rows.EnumerateArray().Select(r => r.GetProperty("row").GetString()!)];
        Assert.Contains("（六）其他处理", Rows(api2020));
        Assert.DoesNotContain("3.其他", Rows(api2020));
        Assert.Contains("3.其他", Rows(api2021));
        Assert.DoesNotContain("（六）其他处理", Rows(api2021));
    }

    [Theory, BothDatabases]
    public async Task AnAppealAboutNoSingleApplication_IsRecordedThroughTheApi_CountedWithTheCaseLinkedOnes_AndHiddenFromOtherAgencies(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var other = await app.AddAgencyAsync("000014350", "示例县教育局", agency.Id);
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var stranger = await app.AddStaffAsync("stranger", other.Id, Roles.Editor);
        app.Today(D(2025, 3, 3));
        var record = await app.RegisterInPersonAsync(clerk);
        await app.WithAppealsAsync(s => s.AddAppealAsync(clerk, record.Id, AppealKind.Reconsideration, D(2025, 3, 3), "示例市人民政府", null, Ct));
        app.Today(D(2025, 5, 6));
        using var api = app.Client(await app.IssueTokenAsync(clerk));
        using var strangerApi = app.Client(await app.IssueTokenAsync(stranger));

        using var noSubject = await api.PostAsJsonAsync("/api/v1/staff/appeals",
            new { kind = "LitigationDirect", filedOn = "2025-04-01", body = "示例县人民法院", result = "Pending" }, Ct);
        var missing = await Gongkai.Tests.Api.ApiErrorTests.ProblemAsync(noSubject, HttpStatusCode.BadRequest, "validation");
        Assert.True(missing.GetProperty("errors").TryGetProperty("Subject", out _));
        using var created = await api.PostAsJsonAsync("/api/v1/staff/appeals",
            new { kind = "LitigationDirect", filedOn = "2025-04-01", body = "示例县人民法院", subject = "主动公开的征收补偿方案", result = "Pending" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        using var concluded = await api.PutAsJsonAsync($"/api/v1/staff/appeals/{id}",
            new { kind = "LitigationDirect", filedOn = "2025-04-01", body = "示例县人民法院", subject = "主动公开的征收补偿方案", result = "Corrected", concludedOn = "2025-05-06" }, Ct);
        using var foreignRead = await strangerApi.GetAsync($"/api/v1/staff/appeals/{id}", Ct);
        using var foreignWrite = await strangerApi.PutAsJsonAsync($"/api/v1/staff/appeals/{id}",
            new { kind = "LitigationDirect", filedOn = "2025-04-01", body = "篡改", subject = "篡改", result = "Upheld", concludedOn = "2025-05-06" }, Ct);
        var foreignList = await strangerApi.GetFromJsonAsync<JsonElement>("/api/v1/staff/appeals", Ct);

        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignWrite.StatusCode);
        Assert.Equal(0, foreignList.GetArrayLength());
        var stored = await app.WithDbAsync(db => db.RequestAppeals.SingleAsync(a => a.Id == id, Ct));
        Assert.Null(stored.RequestId);
        Assert.Equal("示例县人民法院", stored.Body);
        Assert.Equal(AppealResult.Corrected, stored.Result);
        var statistics = await app.WithQueriesAsync(q => q.AnnualStatisticsAsync(agency.Id, 2025, Ct));
        Assert.Equal(1, statistics.Appeals[(AppealKind.Reconsideration, AppealResult.Pending)]);
        Assert.Equal(1, statistics.Appeals[(AppealKind.LitigationDirect, AppealResult.Corrected)]);
    }

    [Theory, BothDatabases]
    public async Task TheAppealsPage_ListsBothKinds_AndRecordsOneWithoutACase(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        await app.WithAppealsAsync(s => s.AddAppealAsync(clerk, record.Id, AppealKind.Reconsideration, app.Clock.Today, "示例市人民政府", null, Ct));
        using var browser = app.Client();
        await app.SignInAsync(browser, "clerk");
        var page = await browser.GetStringAsync("/staff/appeals", Ct);

        using var response = await browser.PostAsync("/staff/appeals", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.AgencyId"] = agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Reconsideration", ["Input.FiledOn"] = app.Clock.Today.ToString("yyyy-MM-dd", null),
            ["Input.Body"] = "示例市人民政府", ["Input.Subject"] = "政府信息公开年度报告", ["Input.Result"] = "Pending",
        }), Ct);
        var after = await browser.GetStringAsync("/staff/appeals", Ct);

        Assert.Contains(record.TrackingCode, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("政府信息公开年度报告", after, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.RequestAppeals.CountAsync(Ct)));
    }
}
