using System.Net;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Citizen;

/// <summary>
/// The public form's limit counts accepted applications per client address; a form sent back for a mistake costs nothing,
/// and the one refused for the limit comes back as typed, with how long to wait.
/// </summary>
public sealed class ApplyRateLimitTests(PostgresServer postgres)
{
    private const string Url = "/apply/000014349";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task RejectedSubmissions_DoNotConsumeTheQuota(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));

        var mistyped = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var response = await client.PostAsync(Url, ApplyFormTests.Form(token, "110105194912310021"), Ct);
            mistyped.Add(response.StatusCode);
        }
        var accepted = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.PostAsync(Url, ApplyFormTests.Form(token, ResidentId), Ct);
            accepted.Add(response.StatusCode);
        }

        Assert.All(mistyped, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(accepted, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(10, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task OverTheLimit_TheFormComesBackAsTyped_With429AndRetryAfter_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));
        for (var i = 0; i < 10; i++)
        {
            using var ok = await client.PostAsync(Url, ApplyFormTests.Form(token, ResidentId), Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        app.Clock.Advance(Duration.FromMinutes(4));

        using var refused = await client.PostAsync(Url, ApplyFormTests.Form(token, ResidentId), Ct);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(6), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("同一网络地址提交申请过于频繁，请 6 分钟后再提交。您填写的内容已保留。", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{ApplicantName}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{ResidentId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Address}\"", html, StringComparison.Ordinal);
        Assert.Contains(">示例县2024年度城乡低保资金发放情况</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"电子文档\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("申请已提交", html, StringComparison.Ordinal);
        Assert.Equal(10, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task OnceTheWindowHasPassed_TheNextApplicationIsAccepted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));
        for (var i = 0; i < 10; i++)
        {
            (await client.PostAsync(Url, ApplyFormTests.Form(token, ResidentId), Ct)).Dispose();
        }

        app.Clock.Advance(Duration.FromMinutes(10));
        using var response = await client.PostAsync(Url, ApplyFormTests.Form(token, ResidentId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(11, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }
}
