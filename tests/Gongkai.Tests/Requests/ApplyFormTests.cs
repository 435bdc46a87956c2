using System.Net;
using Gongkai.Application.Requests.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>The public request form /apply/{code} over HTTP: antiforgery, validation, receipt, rate limit.</summary>
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

    [Theory, BothDatabases]
    public async Task ApplyForm_ReplayedWithItsSubmissionKey_MakesOneCase_AndLeavesTheFirstSecretWorking(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var html = await client.GetStringAsync(Url, Ct);
        var token = AntiforgeryToken(html);
        var key = FormFields.SubmissionKey().Match(html);
        Assert.True(key.Success, "the form carries a submission key");

        var first = await (await client.PostAsync(Url, Form(token, ResidentId, key.Groups[1].Value), Ct)).Content.ReadAsStringAsync(Ct);
        var hashBefore = await app.WithDbAsync(db => db.Requests.Select(r => r.SecretHash).SingleAsync(Ct));
        // Anyone who finds the form in a browser's history or cache can replay its hidden key.
        var second = await (await client.PostAsync(Url, Form(token, ResidentId, key.Groups[1].Value), Ct)).Content.ReadAsStringAsync(Ct);
        var code = TrackingCode().Match(second).Value;
        var firstSecret = Secret().Match(first).Groups[1].Value;
        var tracked = await (await client.PostAsync("/track", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(await client.GetStringAsync("/track", Ct)),
            ["Code"] = code,
            ["Secret"] = firstSecret,
        }), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
        Assert.Equal(TrackingCode().Match(first).Value, code);
        Assert.Contains("同一申请表已经提交过，申请此前已收到，未重复登记", second, StringComparison.Ordinal);
        Assert.False(Secret().IsMatch(second), "a replay shows no secret");
        Assert.Equal(hashBefore, await app.WithDbAsync(db => db.Requests.Select(r => r.SecretHash).SingleAsync(Ct)));
        Assert.DoesNotContain("查询码或查询密码不正确", tracked, StringComparison.Ordinal);
        Assert.Contains(code, tracked, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task OneForm_PostedFromTwoThreadsAtOnce_MakesOneCase(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var key = Guid.NewGuid();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            app.WithIntakeAsync(s => s.SubmitOnlineAsync(agency.Code, WithKey(key), null, null, Ct)), Ct)));

        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
        Assert.Single(receipts.Select(r => r.Record.TrackingCode).Distinct());
        Assert.Equal(3, receipts.Count(r => r.Resubmitted));
    }

    [Theory, BothDatabases]
    public async Task AFormWhoseDescriptionWasEditedBeforePostingAgain_IsANewApplication(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var key = Guid.NewGuid();
        var edited = WithKey(key);
        edited.Description = "示例县2024年度城乡低保资金发放明细";

        var first = await app.WithIntakeAsync(s => s.SubmitOnlineAsync(agency.Code, WithKey(key), null, null, Ct));
        var second = await app.WithIntakeAsync(s => s.SubmitOnlineAsync(agency.Code, edited, null, null, Ct));

        Assert.False(second.Resubmitted);
        Assert.NotEqual(first.Record.TrackingCode, second.Record.TrackingCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task StaffRegisteringOneFormTwice_MakesOneCase(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var key = Guid.NewGuid();

        var first = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, WithKey(key), app.Clock.Today, null, null, Ct));
        var second = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, WithKey(key), app.Clock.Today, null, null, Ct));

        Assert.True(second.Resubmitted);
        Assert.Equal(first.Record.Id, second.Record.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
        // The replay neither shows nor renews the secret: the one handed to the applicant keeps working.
        Assert.Null(second.Secret);
        Assert.Equal(first.Record.SecretHash, await app.WithDbAsync(db => db.Requests.Select(r => r.SecretHash).SingleAsync(Ct)));
        Assert.NotNull(await app.WithQueriesAsync(q => q.TrackAsync(first.Record.TrackingCode, first.Secret, Ct)));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.TooManyRequests)]        // a client's own X-Forwarded-For is not believed
    [InlineData("203.0.113.5", HttpStatusCode.OK)]           // the configured proxy's is: each client has its own limit
    public async Task ForwardedFor_IsBelievedOnlyFromAConfiguredProxy(string? knownProxy, HttpStatusCode eleventh)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        await app.SetUpAsync();
        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            if (knownProxy is not null)
            {
                b.UseSetting("ForwardedHeaders:KnownProxies:0", knownProxy);
            }
            // Every request arrives from 203.0.113.5, as from a reverse proxy on another machine.
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddressFilter(IPAddress.Parse("203.0.113.5"))));
        });
        using var client = host.CreateClient();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = Form(token, ResidentId) };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(eleventh, statuses[^1]);
    }

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Theory, BothDatabases]
    public async Task StaffRegisteringALetter_KeepTheScanCheckedByContent_AndADisguisedProgramIsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var scan = "%PDF-1.4\n%示例扫描件\n"u8.ToArray();
        var program = new byte[] { (byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0 };

        var ok = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.RegisteredPost, Input(), null, app.Clock.Today, null,
            ("申请信.pdf", scan), Ct));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id,
            SubmissionChannel.RegisteredPost, Input(), null, app.Clock.Today, null, ("申请信.pdf", program), Ct)));
        var stored = await app.WithQueriesAsync(q => q.AttachmentsAsync(ok.Record.Id, Ct));

        Assert.Equal([("申请信.pdf", (long)scan.Length)], stored.Select(a => (a.FileName, a.Size)));
        Assert.Contains("申请信.pdf", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ApplyForm_WithAnOversizedOrDisguisedAttachment_SaysWhyAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));

        var big = Form(token, ResidentId);
        big.Add(new ByteArrayContent(new byte[1_500_000]), "Attachment", "材料.pdf"); // the test host allows 1 MB
        var disguised = Form(token, ResidentId);
        disguised.Add(new ByteArrayContent([(byte)'M', (byte)'Z', 0x90, 0]), "Attachment", "材料.pdf");
        var bigHtml = await (await client.PostAsync(Url, big, Ct)).Content.ReadAsStringAsync(Ct);
        var disguisedHtml = await (await client.PostAsync(Url, disguised, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("附件“材料.pdf”超过上限 1 MB。", bigHtml, StringComparison.Ordinal);
        Assert.Contains("材料.pdf", disguisedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("申请已提交", bigHtml + disguisedHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Requests.CountAsync(Ct)));
    }

    private static RequestForm WithKey(Guid key)
    {
        var input = Input();
        input.SubmissionKey = key;
        return input;
    }

    internal static MultipartFormDataContent Form(string? token, string idNumber, string? submissionKey = null)
    {
        var form = new MultipartFormDataContent();
        void Add(string name, string value) => form.Add(new StringContent(value), name);
        if (token is not null)
        {
            Add("__RequestVerificationToken", token);
        }
        if (submissionKey is not null)
        {
            Add("Form.SubmissionKey", submissionKey);
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


    [GeneratedRegex("查询密码</th><td><strong class=\"code\">([2-9A-Z]{16})</strong>")]
    private static partial Regex Secret();
}
