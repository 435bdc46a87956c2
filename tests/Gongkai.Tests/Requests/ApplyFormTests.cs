using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>The public application form /apply/{code} over HTTP: antiforgery, validation, receipt, rate limit.</summary>
public sealed partial class ApplyFormTests(PostgresServer postgres)
{
    private const string Url = "/apply/000014349";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task ApplyForm_WithTheAntiforgeryTokenFromTheGet_GivesATrackingCodeAndSecret(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));

        var response = await client.PostAsync(Url, Form(token, ResidentId), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var stored = await app.WithDbAsync(db => db.Requests.SingleAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("申请已提交", html, StringComparison.Ordinal);
        var code = TrackingCode().Match(html);
        Assert.True(code.Success, html);
        Assert.Equal(stored.TrackingCode, code.Value);
        Assert.Equal("YSQ20250314-", stored.TrackingCode[..12]);
        Assert.Matches("<strong class=\"code\">[2-9A-Z]{16}</strong>", html);
        Assert.Null(stored.State); // online: received once the office confirms (条例第三十一条第（三）项)
        Assert.Equal(app.Clock.Today, stored.SubmittedOn);
    }

    [Theory, BothDatabases]
    public async Task ApplyForm_WithoutTheAntiforgeryToken_IsRejectedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        await client.GetStringAsync(Url, Ct);

        var response = await client.PostAsync(Url, Form(null, ResidentId), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ApplyForm_WithAnInvalidIdNumber_ShowsTheChineseMessageAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));

        var response = await client.PostAsync(Url, Form(token, "110105194912310021"), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("居民身份证号码无效：请核对18位号码（含出生日期和末位校验码）。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("申请已提交", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ApplyForm_AfterTenSubmissionsFromOneAddress_Answers429(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await client.PostAsync(Url, Form(token, ResidentId), Ct);
            statuses.Add(response.StatusCode);
        }
        var afterwardsGet = await client.GetAsync(Url, Ct);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 10), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(10, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, afterwardsGet.StatusCode); // reading the form is not limited
    }

    private static MultipartFormDataContent Form(string? token, string idNumber)
    {
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value), name);
        if (token is not null)
        {
            Add("__RequestVerificationToken", token);
        }
        Add("Form.ApplicantType", "NaturalPerson");
        Add("Form.Name", ApplicantName);
        Add("Form.IdNumber", idNumber);
        Add("Form.Phone", Phone);
        Add("Form.Address", Address);
        Add("Form.Description", "示例县2024年度城乡低保资金发放情况");
        Add("Form.WantedForm", "电子文档");
        Add("Form.Delivery", "在线获取");
        return form;
    }

    [GeneratedRegex("YSQ\\d{8}-[2-9A-Z]{6}")]
    private static partial Regex TrackingCode();
}
