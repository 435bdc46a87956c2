using System.Net;
using Gongkai.Application.Agencies;
using Gongkai.Application.Requests.Reminders;
using Gongkai.Application.Requests.Steps;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Notifications;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Citizen;

/// <summary>
/// Status e-mails to an applicant who gave an address, over a real SMTP conversation with <see cref="SmtpReceiver"/>:
/// one for each step the applicant must know of, with the tracking link and none of the personal data or the secret.
/// </summary>
public sealed class ApplicantStatusMailTests(PostgresServer postgres)
{
    private const string Url = "/apply/000014349";
    private const string BaseUrl = "https://gk.example.gov.cn/";
    private const string ApplicantEmail = "ouyang@example.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WebApplicationFactory<Program> WithSmtp(TestApp app, int port) => app.Factory.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddSingleton(new DeadlineReminderOptions
        {
            Smtp = new SmtpSettings("127.0.0.1", port, "gongkai@example.gov.cn", null, null, EnableSsl: false),
            SiteBaseUrl = new Uri(BaseUrl),
        })));

    private static async Task<T> StepAsync<T>(WebApplicationFactory<Program> host, Func<RequestSteps, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AgencyScope>().ActAsSystem();
        return await step(scope.ServiceProvider.GetRequiredService<RequestSteps>());
    }

    private static async Task<(string Html, string Secret)> ApplyWithEmailAsync(HttpClient client)
    {
        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));
        var form = ApplyFormTests.Form(token, ResidentId);
        form.Add(new StringContent(ApplicantEmail), "Form.Email");
        using var response = await client.PostAsync(Url, form, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        var secret = System.Text.RegularExpressions.Regex.Match(html, "查询密码</th><td><strong class=\"code\">([2-9A-Z]{16})</strong>").Groups[1].Value;
        Assert.NotEmpty(secret);
        return (html, secret);
    }

    [Theory, BothDatabases]
    public async Task AnApplicantWithAnAddress_IsToldOfEachStep_WithTheTrackingLink_AndNoPersonalDataOrSecret(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, StaffRole.Editor);
        await using var host = WithSmtp(app, smtp.Port);
        using var client = host.CreateClient();

        var (_, secret) = await ApplyWithEmailAsync(client);
        var record = await app.WithDbAsync(db => db.Requests.SingleAsync(Ct));
        await StepAsync(host, s => s.ConfirmReceiptAsync(clerk, record.Id, null, Ct));
        await StepAsync(host, s => s.RequestCorrectionAsync(clerk, record.Id, null, D(2025, 3, 21), "请写明所需信息的年度（申请人欧阳明远）", Ct));
        await StepAsync(host, s => s.ReceiveCorrectionAsync(clerk, record.Id, null, false, Ct));
        await StepAsync(host, s => s.ExtendAsync(clerk, record.Id, null, 20, "办公室主任", "需要调阅档案", Ct));
        await StepAsync(host, s => s.DecideAsync(clerk, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));
        await StepAsync(host, s => s.AnswerAsync(clerk, record.Id, null, Ct));

        var mails = smtp.Messages;
        Assert.Equal(
            ["申请已提交", "已确认收到申请", "需要补正申请", "答复期限延长", "答复已送达"],
            mails.Select(m => m.Subject.Split('】')[1].Split('（')[0]));
        Assert.All(mails, m =>
        {
            Assert.Equal([ApplicantEmail], m.RcptTo);
            Assert.Contains($"查询码 {record.TrackingCode}", m.Subject, StringComparison.Ordinal);
            Assert.Contains($"申请查询：{BaseUrl}track", m.Body, StringComparison.Ordinal);
            foreach (var personal in new[] { secret, ApplicantName, record.NameMasked, ResidentId, Phone, Address, "欧阳明远", "示例县2024年度城乡低保资金发放情况" })
            {
                Assert.DoesNotContain(personal, m.Raw + m.Subject + m.Body, StringComparison.Ordinal);
            }
        });
        Assert.Contains("收到申请之日为2025年3月14日", mails[1].Body, StringComparison.Ordinal);
        Assert.Contains("请在2025年3月21日前补正", mails[2].Body, StringComparison.Ordinal);
        Assert.Contains("示例县人民政府已对您的申请作出答复", mails[4].Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AnApplicantWithoutAnAddress_GetsNoMail(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, StaffRole.Editor);
        await using var host = WithSmtp(app, smtp.Port);
        using var client = host.CreateClient();

        var token = AntiforgeryToken(await client.GetStringAsync(Url, Ct));
        (await client.PostAsync(Url, ApplyFormTests.Form(token, ResidentId), Ct)).Dispose();
        var id = await app.WithDbAsync(db => db.Requests.Select(r => r.Id).SingleAsync(Ct));
        await StepAsync(host, s => s.ConfirmReceiptAsync(clerk, id, null, Ct));

        Assert.Empty(smtp.Messages);
    }

    [Theory, BothDatabases]
    public async Task AMailServerThatDoesNotAnswer_NeverFailsTheStep(DatabaseProvider provider)
    {
        int closedPort;
        await using (var gone = new SmtpReceiver())
        {
            closedPort = gone.Port;
        }
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, StaffRole.Editor);
        await using var host = WithSmtp(app, closedPort);
        using var client = host.CreateClient();

        await ApplyWithEmailAsync(client);
        var id = await app.WithDbAsync(db => db.Requests.Select(r => r.Id).SingleAsync(Ct));
        var confirmed = await StepAsync(host, s => s.ConfirmReceiptAsync(clerk, id, null, Ct));

        Assert.Equal(RequestState.Received, confirmed.State);
        Assert.Equal(RequestState.Received, await app.WithDbAsync(db => db.Requests.Select(r => r.State).SingleAsync(Ct)));
    }
}
