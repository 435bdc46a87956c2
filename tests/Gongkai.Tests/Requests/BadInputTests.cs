using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Application;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>
/// Out-of-range input is refused as bad input — 400 with a Chinese message (problem+json in the API, the message on
/// the form on pages) — and nothing is saved: years outside 2008 … next year, dates before the 条例 came into force
/// (2008-05-01) or more than a year ahead, and enumeration values nobody can choose (99).
/// </summary>
public sealed class BadInputTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> ValidationProblemAsync(HttpResponseMessage response) =>
        Gongkai.Tests.Api.ApiErrorTests.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");

    private static object Applicant => new
    {
        applicantType = "NaturalPerson", name = ApplicantName, idNumber = ResidentId, phone = Phone,
        description = "示例县2024年度城乡低保资金发放情况", wantedForm = "电子文档", delivery = "电子邮件", email = "a@example.invalid",
    };

    [Theory, BothDatabases]
    public async Task AStatisticsYearOutsideTheCondition_sYears_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(clerk));

        foreach (var year in new[] { 0, 2007, 99999 })
        {
            using var response = await client.GetAsync($"/api/v1/staff/requests/statistics?agency={agency.Id}&year={year}", Ct);
            var problem = await ValidationProblemAsync(response);
            Assert.Contains($"年份 {year} 无效", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using var ok = await client.GetAsync($"/api/v1/staff/requests/statistics?agency={agency.Id}&year=2025", Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task AReceiptDateOfYearOne_IsRefused_InTheApiAndOnThePage_AndNothingIsRegistered(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var api = app.Client(await app.IssueTokenAsync(clerk));
        using var browser = app.Client();
        await app.SignInAsync(browser, "clerk");

        using var byApi = await api.PostAsJsonAsync("/api/v1/staff/requests", new { channel = "InPerson", submittedOn = "0001-01-01", applicant = Applicant }, Ct);
        using var tooLate = await api.PostAsJsonAsync("/api/v1/staff/requests", new { channel = "InPerson", submittedOn = "9999-12-31", applicant = Applicant }, Ct);
        var token = FormFields.AntiforgeryToken(await browser.GetStringAsync("/staff/requests/new", Ct));
        using var byPage = await browser.PostAsync("/staff/requests/new", FormFields.Encoded(token, ("AgencyId", agency.Id.ToString()),
            ("Channel", "InPerson"), ("SubmittedOn", "0001-01-01"), ("Form.ApplicantType", "NaturalPerson"), ("Form.Name", ApplicantName),
            ("Form.IdNumber", ResidentId), ("Form.Phone", Phone), ("Form.Description", "示例县2024年度城乡低保资金发放情况"),
            ("Form.WantedForm", "电子文档"), ("Form.Delivery", "自行领取")), Ct);

        var problem = await ValidationProblemAsync(byApi);
        Assert.Contains("2008-05-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("SubmittedOn", out _));
        await ValidationProblemAsync(tooLate);
        Assert.Equal(HttpStatusCode.OK, byPage.StatusCode);
        Assert.Contains("《政府信息公开条例》施行之日", await byPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task AStepDatedBeforeTheCondition_OrACorrectionDueInTheFarFuture_IsRefused_AndTheCaseIsUnchanged(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var api = app.Client(await app.IssueTokenAsync(clerk));

        using var answered = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/answer", new { on = "0001-01-01" }, Ct);
        using var correction = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/correction",
            new { on = app.Clock.Today.ToString("yyyy-MM-dd"), dueOn = "9999-12-31", content = "请补充信息名称" }, Ct);
        var appeal = await Assert.ThrowsAsync<ValidationException>(() => app.WithAppealsAsync(s =>
            s.AddAppealAsync(clerk, record.Id, Gongkai.Application.Requests.AppealKind.Reconsideration, D(1, 1, 1), "示例市人民政府", null, Ct)));

        await ValidationProblemAsync(answered);
        await ValidationProblemAsync(correction);
        Assert.True(appeal.Errors.ContainsKey("FiledOn"));
        var after = await app.LoadAsync(record.Id);
        Assert.Equal(record.State, after.State);
        Assert.Empty(after.Corrections);
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestAppeals.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task UndefinedChoices_PostedAsNumbers_AreRefused_InJsonAndForms_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var api = app.Client(await app.IssueTokenAsync(clerk));
        using var browser = app.Client();
        await app.SignInAsync(browser, "clerk");
        var today = app.Clock.Today.ToString("yyyy-MM-dd");

        // JSON: channel, applicant type, pause kind, fee method, an item's disclosure mode and validity.
        using var channel = await api.PostAsJsonAsync("/api/v1/staff/requests", new { channel = 99, submittedOn = today, applicant = Applicant }, Ct);
        using var applicantType = await api.PostAsJsonAsync("/api/v1/staff/requests",
            new { channel = "InPerson", submittedOn = today, applicant = new { applicantType = 99, name = ApplicantName, idNumber = ResidentId, description = "某文件" } }, Ct);
        using var pause = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/consult", new { on = today, kind = 99 }, Ct);
        using var fee = await api.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/fee", new { on = today, method = 99, quantity = 20 }, Ct);
        using var item = await api.PostAsJsonAsync("/api/v1/staff/items", new
        {
            columnKey = "art20-11", title = "公开方式无效", publishingOrg = "示例县人民政府办公室", formedOn = "2025-03-10",
            disclosureMode = 99, validity = 77, bodyHtml = "<p>正文</p>",
        }, Ct);
        // Forms: a number no option carries, which model binding would otherwise drop in favour of the default.
        var token = FormFields.AntiforgeryToken(await browser.GetStringAsync($"/staff/requests/{record.Id}", Ct));
        using var consultPage = await browser.PostAsync($"/staff/requests/{record.Id}?handler=Consult",
            FormFields.Encoded(token, ("kind", "99"), ("on", today), ("counterparty", "示例公司")), Ct);
        var newToken = FormFields.AntiforgeryToken(await browser.GetStringAsync("/staff/requests/new", Ct));
        using var channelPage = await browser.PostAsync("/staff/requests/new", FormFields.Encoded(newToken, ("AgencyId", agency.Id.ToString()),
            ("Channel", "99"), ("SubmittedOn", today), ("Form.ApplicantType", "NaturalPerson"), ("Form.Name", ApplicantName),
            ("Form.IdNumber", ResidentId), ("Form.Phone", Phone), ("Form.Description", "另一件申请"),
            ("Form.WantedForm", "电子文档"), ("Form.Delivery", "自行领取")), Ct);

        foreach (var response in new[] { channel, applicantType, pause, fee, item })
        {
            await ValidationProblemAsync(response);
        }
        foreach (var page in new[] { consultPage, channelPage })
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("所选的选项无效", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
        var after = await app.LoadAsync(record.Id);
        Assert.Empty(after.Pauses);
        Assert.Null(after.FeeMethod);
    }

    [Theory, BothDatabases]
    public async Task AnUndefinedTemplateGroup_IsRefusedOnTheTemplatesPage_AndNoTemplateChanges(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var browser = app.Client();
        await app.SignInAsync(browser, "admin", TestApp.AdminPassword);
        var token = FormFields.AntiforgeryToken(await browser.GetStringAsync("/staff/requests/templates", Ct));
        var before = await app.WithDbAsync(db => db.AnswerTemplates.OrderBy(t => t.Group).Select(t => t.Body).ToListAsync(Ct));

        using var page = await browser.PostAsync("/staff/requests/templates",
            FormFields.Encoded(token, ("group", "99"), ("title", "告知书"), ("body", "依据{法律依据}")), Ct);
        var admin = await app.AdminAsync();
        var direct = await Assert.ThrowsAsync<ValidationException>(() => app.InScopeAsync(sp =>
            sp.GetRequiredService<Gongkai.Application.Requests.AnswerLetters>().UpdateTemplateAsync(admin, (OutcomeGroup)99, "告知书", "依据{法律依据}", Ct)));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("所选的选项无效", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(direct.Errors.ContainsKey("Group"));
        Assert.Equal(before, await app.WithDbAsync(db => db.AnswerTemplates.OrderBy(t => t.Group).Select(t => t.Body).ToListAsync(Ct)));
    }
}
