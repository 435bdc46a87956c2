using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Letters;

/// <summary>A case's letters and appeals through the staff API: generate, list, download; refusals as problem+json in Chinese.</summary>
public sealed class LettersApiTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task AClerk_GeneratesListsAndDownloadsALetter_AndRecordsAnAppeal(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        app.Today(D(2026, 3, 2));
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client(await app.IssueTokenAsync(clerk));

        using var refused = await client.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/letters", new { kind = "ExtensionNotice" }, Ct);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        using var created = await client.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/letters", new { kind = "Receipt" }, Ct);
        var letter = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement;
        var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/staff/requests/{record.Id}/letters", Ct)).RootElement;
        var fileUrl = letter.GetProperty("files")[0].GetProperty("url").GetString()!;
        using var download = await client.GetAsync(fileUrl, Ct);
        using var appeal = await client.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/appeals",
            new { kind = "Reconsideration", filedOn = "2026-03-02", body = "示例市人民政府", caseNumber = "示复〔2026〕3号" }, Ct);
        var appeals = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/staff/requests/{record.Id}/appeals", Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("本案未延长答复期限，不能生成延期答复告知书。", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("示政公开〔2026〕1号", letter.GetProperty("number").GetString());
        Assert.Equal("受理回执", letter.GetProperty("kindLabel").GetString());
        Assert.Equal(1, list.GetProperty("letters").GetArrayLength());
        Assert.Contains("Receipt", list.GetProperty("available").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await download.Content.ReadAsByteArrayAsync(Ct))[..2]);
        Assert.Equal(HttpStatusCode.Created, appeal.StatusCode);
        Assert.Equal("示复〔2026〕3号", appeals[0].GetProperty("caseNumber").GetString());
    }

    [Theory, BothDatabases]
    public async Task AnotherAgencysCase_IsNotFound(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var other = await app.AddAgencyAsync("000099999", "另一县人民政府", null, Gongkai.Domain.Agencies.AgencyKind.Government);
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var stranger = await app.AddStaffAsync("stranger", other.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client(await app.IssueTokenAsync(stranger));

        using var list = await client.GetAsync($"/api/v1/staff/requests/{record.Id}/letters", Ct);
        using var generate = await client.PostAsJsonAsync($"/api/v1/staff/requests/{record.Id}/letters", new { kind = "Receipt" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, generate.StatusCode);
        Assert.Equal(0, await app.LetterCountAsync(record.Id));
    }
}
