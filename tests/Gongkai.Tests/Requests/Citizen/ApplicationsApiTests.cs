using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Application.Requests.Intake;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Citizen;

/// <summary>The public application API: the form's rules and limit, answered as JSON and problem+json.</summary>
public sealed class ApplicationsApiTests(PostgresServer postgres)
{
    private const string Url = "/api/v1/agencies/000014349/applications";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task AnApplication_IsAcceptedWithItsReceipt_AndTheSecretOnce(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        using var response = await client.PostAsJsonAsync(Url, Input(), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var stored = await app.WithDbAsync(db => db.Requests.SingleAsync(Ct));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(stored.TrackingCode, body.GetProperty("trackingCode").GetString());
        Assert.Matches("^[2-9A-Z]{16}$", body.GetProperty("secret").GetString());
        Assert.Equal("示例县人民政府", body.GetProperty("receipt").GetProperty("agencyName").GetString());
        Assert.Equal(stored.NameMasked, body.GetProperty("receipt").GetProperty("applicantMasked").GetString());
        Assert.Equal(SubmissionChannel.Online, stored.Channel);
    }

    [Theory, BothDatabases]
    public async Task RejectedApplications_DoNotCount_AndOverTheLimitItIsProblemJson429WithRetryAfter(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        var rejected = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var bad = await client.PostAsJsonAsync(Url, Input(idNumber: "110105194912310021"), Ct);
            rejected.Add(bad.StatusCode);
        }
        for (var i = 0; i < 10; i++)
        {
            using var ok = await client.PostAsJsonAsync(Url, Input(), Ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }
        using var refused = await client.PostAsJsonAsync(Url, Input(), Ct);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.All(rejected, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("同一网络地址提交申请过于频繁，请 10 分钟后再提交。", problem.GetProperty("detail").GetString());
        Assert.Equal(10, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task AnUnknownAgency_IsProblemJson404_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        using var response = await client.PostAsJsonAsync("/api/v1/agencies/999999999/applications", Input(), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }
}
