using System.Net;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Notifications;
using Microsoft.AspNetCore.Hosting;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.Delivery.DeliveryKit;

namespace Gongkai.Tests.Requests.Delivery;

/// <summary>
/// The case page's delivery forms as the clerk posts them: each success returns to the case page with its notice
/// (Post/Redirect/Get); a refusal is shown in Chinese on the delivery page.
/// </summary>
public sealed class DeliveryPageTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task TheClerk_RecordsAPostalDelivery_AndPublishesFromTheCase_FromTheCasePage(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        var document = await app.AttachPdfAsync(c);
        var column = await app.ColumnIdAsync(c.AgencyId, "art20-11");
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var casePage = await client.GetStringAsync($"/staff/requests/{c.Id}", Ct);
        var token = FormFields.AntiforgeryToken(casePage);

        var posted = await client.PostAndFollowAsync($"/staff/requests/{c.Id}/delivery?handler=Record",
            FormFields.Encoded(token, ("method", "Post"), ("on", "2025-03-14"), ("note", "挂号信")));
        var published = await client.PostAndFollowAsync($"/staff/requests/{c.Id}/delivery?handler=Publish",
            FormFields.Encoded(token, ("documentId", document.Id.ToString()), ("columnId", column.ToString()), ("title", "示例县2024年度城乡低保资金发放情况")));

        Assert.Contains("公开的政府信息与送达", casePage);
        Assert.Contains("低保资金发放情况.pdf", casePage);
        Assert.Equal(HttpStatusCode.Redirect, posted.PostStatus);
        Assert.Equal($"/staff/requests/{c.Id}", posted.Location?.ToString());
        Assert.Contains("已登记送达：邮寄，2025-03-14", posted.Html);
        Assert.Contains("已于 2025-03-14 以邮寄送达", posted.Html);
        Assert.Equal(HttpStatusCode.Redirect, published.PostStatus);
        Assert.Contains("已拟稿主动公开信息", published.Html);
        var item = await app.WithDbAsync(db => db.Items.SingleAsync(Ct));
        Assert.Equal(ItemStatus.PendingReview, item.Status);
        Assert.Contains($"据本申请主动公开：<a href=\"/staff/items/{item.Id}\">", published.Html);
    }

    [Theory, BothDatabases]
    public async Task ARefusal_IsShownInChineseOnTheDeliveryPage_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AnswerAsync(c);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var token = FormFields.AntiforgeryToken(await client.GetStringAsync($"/staff/requests/{c.Id}", Ct));

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Pdf), "upload", "公开.pdf" },
        };
        var (status, html, _) = await client.PostAndFollowAsync($"/staff/requests/{c.Id}/delivery?handler=Attach", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("该申请已办结", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DisclosedDocument>().CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ABouncedEmail_FromTheCasePage_SaysSoInChinese_AndTheCaseShowsItUndelivered(DatabaseProvider provider)
    {
        await using var smtp = new SmtpReceiver(rejects: to => to == ApplicantEmail);
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        await app.AttachPdfAsync(c);
        // The same database served by a host configured with a mail server, as Smtp:* configures a deployment.
        await using var mailing = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Smtp:From", "gongkai@example.gov.cn");
        });
        using var client = mailing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await app.SignInAsync(client, "clerk");
        var token = FormFields.AntiforgeryToken(await client.GetStringAsync($"/staff/requests/{c.Id}", Ct));

        var (status, html, _) = await client.PostAndFollowAsync($"/staff/requests/{c.Id}/delivery?handler=Email", FormFields.Encoded(token));
        var casePage = await client.GetStringAsync($"/staff/requests/{c.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("电子邮件发送失败", html);
        Assert.Contains("本次未记为送达", html);
        Assert.Contains("发送失败，未送达", casePage);
        Assert.Contains("尚未送达", casePage);
        Assert.False(await app.WithDbAsync(db => db.Set<DocumentDelivery>().AnyAsync(d => d.Succeeded, Ct)));
    }
}
