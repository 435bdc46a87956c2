using System.Net;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Letters;

/// <summary>The letters panel on the case page: the kinds the state allows, a letter generated and back to the case.</summary>
public sealed class LettersPanelTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task TheClerk_GeneratesAReceiptFromTheCasePage_AndSeesItsNumber_AndAnUnavailableKindIsRefusedInChinese(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, StaffRole.Editor);
        app.Today(D(2026, 3, 2));
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var page = await client.GetStringAsync($"/staff/requests/{record.Id}", Ct);
        var token = AntiforgeryToken(page);

        using var generated = await client.PostAsync($"/staff/requests/{record.Id}/letters",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "Receipt", ["__RequestVerificationToken"] = token }), Ct);
        var after = await client.GetStringAsync($"/staff/requests/{record.Id}", Ct);
        using var refused = await client.PostAsync($"/staff/requests/{record.Id}/letters",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "ExtensionNotice", ["__RequestVerificationToken"] = token }), Ct);
        var refusal = await refused.Content.ReadAsStringAsync(Ct);
        using var unknown = await client.PostAsync($"/staff/requests/{record.Id}/letters",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "Poster", ["__RequestVerificationToken"] = token }), Ct);
        var unknownPage = await unknown.Content.ReadAsStringAsync(Ct);

        Assert.Contains("<option value=\"Receipt\">受理回执</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"ExtensionNotice\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        Assert.Equal($"/staff/requests/{record.Id}", generated.Headers.Location?.OriginalString);
        Assert.Contains("已生成受理回执（示政公开〔2026〕1号）", after, StringComparison.Ordinal);
        Assert.Contains("<td>示政公开〔2026〕1号</td>", after, StringComparison.Ordinal);
        Assert.Contains("handler=File&amp;fileId=", after, StringComparison.Ordinal);
        Assert.Contains("本案未延长答复期限，不能生成延期答复告知书。", refusal, StringComparison.Ordinal);
        Assert.Contains("请选择文书种类。", unknownPage, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", unknownPage, StringComparison.Ordinal);
        Assert.Equal(1, await app.LetterCountAsync(record.Id));
    }
}
