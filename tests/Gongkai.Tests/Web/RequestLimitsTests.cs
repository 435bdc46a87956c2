using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Tests.Api;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Web;

/// <summary>
/// No request exhausts the server: a body, a form or a JSON document over the configured limits (Limits:*) is refused
/// with 400/413 and a Chinese message — problem+json under /api, the error page elsewhere — and nothing is saved. The
/// in-memory host does not enforce Kestrel's body size, so these also prove the limits hold on any host.
/// </summary>
public sealed class RequestLimitsTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int DefaultBodyMegabytes = 32;

    private static string NewItemJson(string extra = "") =>
        "{\"columnKey\":\"art20-11\",\"title\":\"接口拟稿\",\"publishingOrg\":\"示例县人民政府办公室\",\"formedOn\":\"2025-03-10\"," +
        "\"disclosureMode\":\"Proactive\",\"bodyHtml\":\"<p>正文</p>\"" + extra + "}";

    [Theory, BothDatabases]
    public async Task ABodyOverTheLimit_Is413_WhetherItsLengthIsDeclaredOrNot_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(clerk));
        var padding = new string(' ', (DefaultBodyMegabytes * 1024 * 1024) + 1);
        var body = Encoding.UTF8.GetBytes(NewItemJson() + padding);

        using var declared = new ByteArrayContent(body);
        declared.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var withLength = await client.PostAsync("/api/v1/staff/items", declared, Ct);
        using var streamed = new UndeclaredLengthContent(body, "application/json");
        using var chunked = await client.PostAsync("/api/v1/staff/items", streamed, Ct);

        var problem = await ApiErrorTests.ProblemAsync(withLength, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Contains($"{DefaultBodyMegabytes} MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ApiErrorTests.ProblemAsync(chunked, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task OnKestrel_ABodyOverTheLimit_Is413ProblemJsonToo(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres, kestrel: true);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var http = new HttpClient { BaseAddress = app.Factory.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.IssueTokenAsync(clerk));
        // As curl does for large bodies: the server answers before the client sends what it would refuse anyway.
        http.DefaultRequestHeaders.ExpectContinue = true;
        using var body = new ByteArrayContent(new byte[(DefaultBodyMegabytes * 1024 * 1024) + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync("/api/v1/staff/items", body, Ct);

        await ApiErrorTests.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task JsonNestedDeeperThanTheLimit_Is400_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client(await app.IssueTokenAsync(clerk));
        // Within System.Text.Json's default of 64, over the platform's 32: an ignored property still has to be parsed.
        var deep = ",\"extra\":" + new string('[', 40) + new string(']', 40);

        using var refused = await client.PostAsync("/api/v1/staff/items", new StringContent(NewItemJson(deep), Encoding.UTF8, "application/json"), Ct);
        using var accepted = await client.PostAsync("/api/v1/staff/items", new StringContent(NewItemJson(), Encoding.UTF8, "application/json"), Ct);

        await ApiErrorTests.ProblemAsync(refused, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task AFormWithTooManyFields_OrAFieldTooLong_IsRefusedWithTheChineseErrorPage(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        using var manyFields = await client.PostAsync("/staff/login",
            new FormUrlEncodedContent(Enumerable.Range(0, 600).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))), Ct);
        using var longField = await client.PostAsync("/staff/login",
            new FormUrlEncodedContent([new("UserName", new string('a', (12 * 1024 * 1024) + 1))]), Ct);
        using var apiForm = await client.PostAsync("/api/v1/staff/items",
            new FormUrlEncodedContent(Enumerable.Range(0, 600).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))), Ct);

        foreach (var page in new[] { manyFields, longField })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.Contains("表单字段过多或内容过长", html, StringComparison.Ordinal);
        }
        var problem = await ApiErrorTests.ProblemAsync(apiForm, HttpStatusCode.BadRequest, "request-limits");
        Assert.Contains("最多 500 项", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task MoreFilesThanTheLimit_AreRefusedWith413_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var token = FormFields.AntiforgeryToken(await client.GetStringAsync("/staff/items/new", Ct));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("多个附件"), "Title" } };
        for (var i = 0; i < 6; i++)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4")), "Attachment", $"附件{i}.pdf");
        }

        using var response = await client.PostAsync("/staff/items/new", form, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("一次最多上传 5 个文件", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Items.CountAsync(Ct)));
    }

    /// <summary>A body sent without Content-Length (chunked), as a client streaming it would.</summary>
    private sealed class UndeclaredLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UndeclaredLengthContent(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
