using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Application;
using Gongkai.Application.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>
/// 条例第二十九条: any valid 身份证明. A foreigner with a passport and a Hong Kong resident with a 港澳通行证 apply through
/// the public form and are registered through the API; bad numbers and unknown types are refused in Chinese with nothing
/// saved; the report counts each applicant in its column.
/// </summary>
public sealed class IdentityDocumentTests(PostgresServer postgres)
{
    private const string Url = "/apply/000014349";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> ValidationProblemAsync(HttpResponseMessage response) =>
        Gongkai.Tests.Api.ApiErrorTests.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");

    [Theory, BothDatabases]
    public async Task PassportAndHongKongMacaoApplicants_ApplyThroughThePublicForm_WithTheirDocumentStoredAndMasked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var page = await client.GetStringAsync(Url, Ct);
        Assert.Contains("<option value=\"passport\">护照</option>", page, StringComparison.Ordinal);
        Assert.Contains("港澳居民来往内地通行证", page, StringComparison.Ordinal);

        using var passport = await client.PostAsync(Url, Form(AntiforgeryToken(page), "passport", "e 12345678", "John Smith"), Ct);
        Assert.Contains("申请已提交", await passport.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var permit = await client.PostAsync(Url, Form(AntiforgeryToken(await client.GetStringAsync(Url, Ct)), "hong-kong-macao-permit", "H12345678", "陈大文"), Ct);
        Assert.Contains("申请已提交", await permit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Requests.OrderBy(r => r.Id).ToListAsync(Ct));
        Assert.Equal([IdentityDocumentType.Passport, IdentityDocumentType.HongKongMacaoPermit], stored.Select(r => r.IdDocumentType));
        Assert.Equal(["E1*****78", "H1*****78"], stored.Select(r => r.IdNumberMasked));
        Assert.All(stored, r => Assert.Equal(ApplicantType.NaturalPerson, r.ApplicantType));
        var clear = await app.WithPrivacyAsync(p => p.ViewPersonalDataAsync(Gongkai.Application.Accounts.StaffContext.System(), stored[0].Id, Ct));
        Assert.Equal("E12345678", clear.IdNumber);
        Assert.Equal("护照", clear.IdDocument);
    }

    [Theory, BothDatabases]
    public async Task APassportNumberWithInvalidCharacters_OrAnUnknownDocumentType_OnThePublicForm_IsRefusedInChinese_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        using var bad = await client.PostAsync(Url, Form(AntiforgeryToken(await client.GetStringAsync(Url, Ct)), "passport", "E1234-5678", "John Smith"), Ct);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        using var unknown = await client.PostAsync(Url, Form(AntiforgeryToken(await client.GetStringAsync(Url, Ct)), "driving-licence", "E12345678", "John Smith"), Ct);
        var unknownHtml = await unknown.Content.ReadAsStringAsync(Ct);

        Assert.Contains("护照号码只能包含字母和数字（5至17位）。", html, StringComparison.Ordinal);
        Assert.Contains("E1234-5678", html, StringComparison.Ordinal); // the form keeps what was typed
        Assert.Contains("未知的证件类型“driving-licence”", unknownHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task TheApi_RegistersPassportAndHongKongMacaoApplicants_AndRefusesBadNumbersAsProblemJson(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var api = app.Client(await app.IssueTokenAsync(clerk));
        var today = app.Clock.Today.ToString("yyyy-MM-dd");
        object Body(string type, string number) => new
        {
            channel = "InPerson", submittedOn = today,
            applicant = new
            {
                applicantType = "NaturalPerson", idDocumentType = type, idNumber = number, name = "Jane Doe", phone = Phone,
                description = "示例县2024年度城乡低保资金发放情况", wantedForm = "电子文档", delivery = "自行领取",
            },
        };

        using var passport = await api.PostAsJsonAsync("/api/v1/staff/requests", Body("passport", "P1234567"), Ct);
        using var permit = await api.PostAsJsonAsync("/api/v1/staff/requests", Body("hong-kong-macao-permit", "M1234567890"), Ct);
        using var badPassport = await api.PostAsJsonAsync("/api/v1/staff/requests", Body("passport", "P1234567#"), Ct);
        using var badPermit = await api.PostAsJsonAsync("/api/v1/staff/requests", Body("hong-kong-macao-permit", "H1234"), Ct);
        using var unknown = await api.PostAsJsonAsync("/api/v1/staff/requests", Body("military-id", "12345678"), Ct);

        Assert.Equal(HttpStatusCode.Created, passport.StatusCode);
        Assert.Equal(HttpStatusCode.Created, permit.StatusCode);
        var problem = await ValidationProblemAsync(badPassport);
        Assert.Equal("护照号码只能包含字母和数字（5至17位）。", problem.GetProperty("errors").GetProperty("IdNumber")[0].GetString());
        Assert.Contains("港澳居民来往内地通行证号码格式不正确", (await ValidationProblemAsync(badPermit)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("未知的证件类型", (await ValidationProblemAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Requests.OrderBy(r => r.Id).Select(r => r.IdDocumentType).ToListAsync(Ct));
        Assert.Equal([IdentityDocumentType.Passport, IdentityDocumentType.HongKongMacaoPermit], stored);
    }

    [Theory, BothDatabases]
    public async Task TheReport_CountsAForeignerWithAPassportAsANaturalPerson_AndAnOrganisationInItsColumn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var foreigner = Input(name: "John Smith");
        foreigner.IdDocumentType = "passport";
        foreigner.IdNumber = "E12345678";
        var association = Input(ApplicantType.SocialWelfareOrganization, name: "示例县慈善协会");
        association.IdDocumentType = "other-registration";
        association.IdNumber = "县民政登字第0042号";
        association.ContactPerson = "赵六";

        await app.RegisterInPersonAsync(clerk, input: foreigner);
        await app.RegisterInPersonAsync(clerk, input: association);
        var statistics = await app.WithQueriesAsync(q => q.AnnualStatisticsAsync(agency.Id, app.Clock.Today.Year, Ct));

        Assert.Equal(1, statistics.NewlyReceived[ApplicantType.NaturalPerson]);
        Assert.Equal(1, statistics.NewlyReceived[ApplicantType.SocialWelfareOrganization]);
        Assert.Equal(2, statistics.NewlyReceived.Values.Sum());
    }

    [Theory, BothDatabases]
    public async Task ADocumentThatDoesNotFitTheApplicant_OrAnOrganisationWithoutItsRepresentative_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var companyWithPassport = Input(ApplicantType.CommercialEnterprise);
        companyWithPassport.IdDocumentType = "passport";
        companyWithPassport.IdNumber = "E12345678";
        var personWithCreditCode = Input();
        personWithCreditCode.IdDocumentType = "credit-code";
        personWithCreditCode.IdNumber = CreditCode;
        var noRepresentative = Input(ApplicantType.CommercialEnterprise);
        noRepresentative.ContactPerson = " ";

        var a = await Assert.ThrowsAsync<ValidationException>(() => app.RegisterInPersonAsync(clerk, input: companyWithPassport));
        var b = await Assert.ThrowsAsync<ValidationException>(() => app.RegisterInPersonAsync(clerk, input: personWithCreditCode));
        var c = await Assert.ThrowsAsync<ValidationException>(() => app.RegisterInPersonAsync(clerk, input: noRepresentative));

        Assert.Equal("法人或其他组织请提供统一社会信用代码或其他登记证号。", a.Errors["IdDocumentType"][0]);
        Assert.StartsWith("自然人请提供居民身份证、护照", b.Errors["IdDocumentType"][0], StringComparison.Ordinal);
        Assert.Equal("请填写法定代表人或联系人姓名。", c.Errors["ContactPerson"][0]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    private static MultipartFormDataContent Form(string token, string documentType, string number, string name)
    {
        var form = new MultipartFormDataContent();
        void Add(string field, string value) => form.Add(new StringContent(value), field);
        Add("__RequestVerificationToken", token);
        Add("Form.ApplicantType", "NaturalPerson");
        Add("Form.Name", name);
        Add("Form.IdDocumentType", documentType);
        Add("Form.IdNumber", number);
        Add("Form.Email", "applicant@example.invalid");
        Add("Form.Description", "示例县2024年度城乡低保资金发放情况");
        Add("Form.WantedForm", "电子文档");
        Add("Form.Delivery", "电子邮件");
        return form;
    }
}
