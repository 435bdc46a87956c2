using System.Text;
using Gongkai.Application;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Tests.Notifications;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.Delivery.DeliveryKit;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Delivery;

/// <summary>
/// 送达 of the disclosed information, recorded with its method and date: by e-mail over a real SMTP conversation, by the
/// applicant's first download on the tracking page, or by post / in person as the clerk records. A bounced e-mail is
/// kept as failed and marks nothing delivered.
/// </summary>
public sealed class DocumentDeliveryTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task ByEmail_TheApplicantGetsTheFileAttached_AndTheDeliveryIsRecordedWithItsDate(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver();
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AttachPdfAsync(c);

        var delivery = await app.WithMailingDeliveriesAsync(smtp.Port, d => d.SendByEmailAsync(c.Clerk, c.Id, Ct));

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal([ApplicantEmail], mail.RcptTo);
        Assert.Contains(c.Created.Record.TrackingCode, mail.Subject);
        var parts = Parts(mail.Raw);
        Assert.Contains(parts, p => Encoding.UTF8.GetString(p).Contains("1. 低保资金发放情况.pdf（见附件）", StringComparison.Ordinal));
        Assert.Contains(parts, p => p.SequenceEqual(Pdf));
        Assert.True(delivery.Succeeded);
        Assert.Equal(DeliveryMethod.Email, delivery.Method);
        Assert.Equal(D(2025, 3, 14), delivery.On);
        var served = await app.WithDbAsync(db => db.RequestEvents.SingleAsync(e => e.RequestId == c.Id && e.Action == DocumentDeliveries.DeliveredAction, Ct));
        Assert.True(served.Public);
        Assert.Contains("电子邮件", served.Summary);
        Assert.DoesNotContain(ApplicantEmail, served.Summary);
    }

    [Theory, BothDatabases]
    public async Task ABouncedEmail_IsToldInChinese_RecordedAsFailed_AndNothingIsMarkedDelivered(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver(rejects: to => to == ApplicantEmail);
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AttachPdfAsync(c);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.WithMailingDeliveriesAsync(smtp.Port, d => d.SendByEmailAsync(c.Clerk, c.Id, Ct)));

        Assert.Contains("电子邮件发送失败", refused.Message);
        Assert.Contains("未记为送达", refused.Message);
        Assert.Empty(smtp.Messages);
        var attempt = await app.WithDbAsync(db => db.Set<DocumentDelivery>().SingleAsync(Ct));
        Assert.False(attempt.Succeeded);
        Assert.Contains("SMTP 550", attempt.Detail);
        Assert.DoesNotContain(ApplicantEmail, attempt.Detail);
        Assert.False(await app.WithDbAsync(db => db.RequestEvents.AnyAsync(e => e.Action == DocumentDeliveries.DeliveredAction, Ct)));
        Assert.False(await app.WithDbAsync(db => db.RequestEvents.AnyAsync(e => e.Action == DocumentDeliveries.FailedAction && e.Public, Ct)));
    }

    [Theory, BothDatabases]
    public async Task ByEmail_WithoutAnAddress_OrWithoutSmtp_IsRefused_AndNothingIsRecorded(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AttachPdfAsync(c);

        // The test host configures no Smtp section, like a deployment without a mail server.
        var noServer = await Assert.ThrowsAsync<ValidationException>(() => app.WithDeliveriesAsync(d => d.SendByEmailAsync(c.Clerk, c.Id, Ct)));

        Assert.Contains("未配置邮件服务器", noServer.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DocumentDelivery>().CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task TheApplicant_DownloadsOnlyAfterTheAnswer_TheSameBytes_AndTheFirstDownloadIsTheDelivery(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        var document = await app.AttachPdfAsync(c);

        var beforeAnswer = await app.WithDeliveriesAsync(async d => await d.DownloadForApplicantAsync(await app.TrackAsync(c), document.Id, "203.0.113.9", Ct));
        await app.AnswerAsync(c);
        var first = await app.WithDeliveriesAsync(async d => await d.DownloadForApplicantAsync(await app.TrackAsync(c), document.Id, "203.0.113.9", Ct));
        var second = await app.WithDeliveriesAsync(async d => await d.DownloadForApplicantAsync(await app.TrackAsync(c), document.Id, "203.0.113.9", Ct));
        var unknown = await app.WithDeliveriesAsync(async d => await d.DownloadForApplicantAsync(await app.TrackAsync(c), Guid.NewGuid(), "203.0.113.9", Ct));

        Assert.Null(beforeAnswer);
        Assert.Equal(Pdf, first!.File!.Data);
        Assert.Equal("低保资金发放情况.pdf", first.File.FileName);
        Assert.Equal(Pdf, second!.File!.Data);
        Assert.Null(unknown);
        var delivery = await app.WithDbAsync(db => db.Set<DocumentDelivery>().SingleAsync(Ct));
        Assert.Equal(DeliveryMethod.OnlineDownload, delivery.Method);
        Assert.Equal(D(2025, 3, 14), delivery.On);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == DocumentDeliveries.DownloadAction && e.UserId == "applicant", Ct)));
        Assert.Contains((await app.TrackAsync(c)).Timeline, e => e.Summary.Contains("在线下载"));
    }

    [Theory, BothDatabases]
    public async Task AnotherCasesDocument_IsNotServedWithThisCasesSecret(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AttachPdfAsync(c);
        await app.AnswerAsync(c);
        var otherInput = Input();
        otherInput.Description = "另一份申请";
        var other = await app.WithIntakeAsync(s => s.RegisterAsync(c.Clerk, c.AgencyId, Gongkai.Domain.Requests.SubmissionChannel.InPerson, otherInput, app.Clock.Today, null, null, Ct));
        await app.WithStepsAsync(s => s.DecideAsync(c.Clerk, other.Record.Id, Gongkai.Domain.Requests.RequestOutcomes.Disclosed.Key, null, null, Ct));
        var otherDocument = await app.WithDocumentsAsync(d => d.AttachFileAsync(c.Clerk, other.Record.Id, "另一份.pdf", Pdf, Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(c.Clerk, other.Record.Id, null, Ct));

        var served = await app.WithDeliveriesAsync(async d => await d.DownloadForApplicantAsync(await app.TrackAsync(c), otherDocument.Id, null, Ct));

        Assert.Null(served);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DocumentDelivery>().CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ByPost_TheClerkRecordsTheMethodAndDate_ButNotAFutureDay(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AttachPdfAsync(c);

        var future = await Assert.ThrowsAsync<ValidationException>(() => app.WithDeliveriesAsync(d => d.RecordAsync(c.Clerk, c.Id, DeliveryMethod.Post, D(2025, 3, 15), null, Ct)));
        var posted = await app.WithDeliveriesAsync(d => d.RecordAsync(c.Clerk, c.Id, DeliveryMethod.Post, D(2025, 3, 14), "挂号信 XA123456789CN", Ct));

        Assert.Contains("不能晚于今天", future.Message);
        Assert.Equal(DeliveryMethod.Post, posted.Method);
        Assert.Equal(D(2025, 3, 14), posted.On);
        var timeline = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.RequestId == c.Id && e.Action == DocumentDeliveries.DeliveredAction).ToListAsync(Ct));
        Assert.Equal("以邮寄送达公开的政府信息", Assert.Single(timeline).Summary);
    }

    /// <summary>The decoded bodies of a multipart message's base64 parts (the text and each attachment).</summary>
    private static List<byte[]> Parts(string raw)
    {
        var boundary = System.Text.RegularExpressions.Regex.Match(raw, "boundary=\"?([^\";\r\n]+)\"?").Groups[1].Value;
        var parts = new List<byte[]>();
        foreach (var part in raw.Split("--" + boundary).Skip(1))
        {
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0 || !part[..split].Contains("base64", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            parts.Add(Convert.FromBase64String(string.Concat(part[(split + 4)..].Split("\r\n").Select(l => l.Trim()))));
        }
        return parts;
    }
}
