using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.Delivery.DeliveryKit;

namespace Gongkai.Tests.Requests.Delivery;

/// <summary>The staff API for disclosed documents and their 送达: the same rules as the case page, refusals as problem+json.</summary>
public sealed class DeliveryApiTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Api_AttachesAFile_RecordsAPostalDelivery_AndListsBoth(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        using var client = app.Client(await app.IssueTokenAsync(c.Clerk));

        using var added = await client.PostAsJsonAsync($"/api/v1/staff/requests/{c.Id}/documents",
            new { fileName = "低保资金发放情况.pdf", contentBase64 = Convert.ToBase64String(Pdf) }, Ct);
        using var posted = await client.PostAsJsonAsync($"/api/v1/staff/requests/{c.Id}/deliveries", new { method = "Post", on = "2025-03-14" }, Ct);
        var status = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/staff/requests/{c.Id}/delivery", Ct)).RootElement;

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("低保资金发放情况.pdf", status.GetProperty("documents")[0].GetProperty("name").GetString());
        Assert.Equal("2025-03-14", status.GetProperty("servedOn").GetString());
        Assert.Equal("邮寄", status.GetProperty("servedBy").GetString());
    }

    [Theory, BothDatabases]
    public async Task Api_AttachingToACaseThatDisclosesNothing_IsProblemJsonInChinese_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app, RequestOutcomes.NotHeld);
        using var client = app.Client(await app.IssueTokenAsync(c.Clerk));

        using var response = await client.PostAsJsonAsync($"/api/v1/staff/requests/{c.Id}/documents",
            new { fileName = "公开.pdf", contentBase64 = Convert.ToBase64String(Pdf) }, Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("无法提供", problem.GetProperty("errors").GetProperty("Document")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DisclosedDocument>().CountAsync(Ct)));
    }
}
