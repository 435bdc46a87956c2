using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Citizen;

/// <summary>The printable 申请回执 after an online application, and its reprint with tracking code and secret.</summary>
public sealed partial class ApplyReceiptTests(PostgresServer postgres)
{
    private const string Url = "/apply/000014349";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Html, string Code, string Secret)> ApplyAsync(HttpClient client)
    {
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));
        using var response = await client.PostAsync(Url, ApplyFormTests.Form(token, ResidentId), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        return (html, TrackingCode().Match(html).Value, Secret().Match(html).Groups[1].Value);
    }

    [Theory, BothDatabases]
    public async Task TheReceipt_ShowsCodeSecretBeijingTimeAgencyAndTheRequest_ButNoPersonalDataBeyondTheMaskedName(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        var (html, code, secret) = await ApplyAsync(client);

        Assert.NotEmpty(code);
        Assert.Matches("^[2-9A-Z]{16}$", secret);
        Assert.Contains("<caption>申请回执</caption>", html, StringComparison.Ordinal);
        // FakeClock: 2025-03-14 02:00 UTC is 10:00 in Beijing.
        Assert.Contains("<th scope=\"row\">提交时间</th><td>2025-03-14 10:00（北京时间）</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">受理机关</th><td>示例县人民政府</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">申请人</th><td>{ApplicantDataProtector.MaskName(ApplicantName)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("示例县2024年度城乡低保资金发放情况", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">收到申请之日</th><td>待政府信息公开工作机构确认</td>", html, StringComparison.Ordinal);
        Assert.Contains("以双方确认之日为收到申请之日（条例第三十一条第（三）项）", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" class=\"secondary\" data-print hidden>打印回执</button>", html, StringComparison.Ordinal);
        Assert.Contains("/js/receipt-print.js", html, StringComparison.Ordinal);
        Assert.Contains("@media print", await client.GetStringAsync("/css/apply.css", Ct), StringComparison.Ordinal);
        foreach (var personal in new[] { ApplicantName, ResidentId, Phone, Address })
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        }
    }

    [Theory, BothDatabases]
    public async Task TheReceipt_IsReprintedWithCodeAndSecret_WithoutTheSecret_AndOnceConfirmedWithTheDates(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, StaffRole.Editor);
        using var client = app.Client();
        var (_, code, secret) = await ApplyAsync(client);
        var id = await app.WithDbAsync(db => db.Requests.Select(r => r.Id).SingleAsync(Ct));
        await app.WithStepsAsync(s => s.ConfirmReceiptAsync(clerk, id, null, Ct));

        var reprint = await PostAsync(client, code, secret);
        var wrong = await PostAsync(client, code, "ABCDEFGHJKLMNPQR");

        Assert.Contains("<h1>政府信息公开申请回执</h1>", reprint, StringComparison.Ordinal);
        Assert.Contains(code, reprint, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, reprint, StringComparison.Ordinal);
        Assert.DoesNotContain("查询密码</th>", reprint, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">收到申请之日</th><td>2025-03-14</td>", reprint, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">答复期限</th><td>", reprint, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantName, reprint, StringComparison.Ordinal);
        Assert.Contains("查询码或查询密码不正确。", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("申请回执", wrong.Replace("打印申请回执", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(HttpClient client, string code, string secret)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/track/receipt", Ct));
        using var response = await client.PostAsync("/track/receipt", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = code,
            ["Secret"] = secret,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a receipt is never cached");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("YSQ\\d{8}-[2-9A-Z]{6}")]
    private static partial Regex TrackingCode();

    [GeneratedRegex("查询密码</th><td><strong class=\"code\">([2-9A-Z]{16})</strong>")]
    private static partial Regex Secret();
}
