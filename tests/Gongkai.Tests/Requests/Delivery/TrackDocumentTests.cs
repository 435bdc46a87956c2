using System.Net;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.Delivery.DeliveryKit;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests.Delivery;

/// <summary>
/// The tracking page's download of a disclosed document over HTTP: the file as an attachment with code and secret in the
/// POST body; a wrong secret gets no file and records nothing.
/// </summary>
public sealed class TrackDocumentTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task WithTheSecret_TheFileComesAsAnAttachment_WithAWrongSecret_NoFile(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await DecidedCaseAsync(app);
        var document = await app.AttachPdfAsync(c);
        await app.AnswerAsync(c);
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync("/track", Ct));

        var wrong = await client.PostAsync("/track/document", Form(token, c.Created.Record.TrackingCode, "WRONGSECRET23456", document.Id), Ct);
        var wrongBody = await wrong.Content.ReadAsStringAsync(Ct);
        var nothingRecorded = await app.WithDbAsync(db => db.Set<DocumentDelivery>().AnyAsync(Ct));
        var right = await client.PostAsync("/track/document", Form(token, c.Created.Record.TrackingCode, c.Created.Secret!, document.Id), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("查询码或查询密码不正确", wrongBody);
        Assert.DoesNotContain("%PDF", wrongBody);
        Assert.False(nothingRecorded);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("attachment", right.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", right.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await right.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("no-store", right.Headers.CacheControl?.ToString() ?? "");
    }

    private static FormUrlEncodedContent Form(string token, string code, string secret, Guid documentId) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Code"] = code,
        ["Secret"] = secret,
        ["DocumentId"] = documentId.ToString(),
    });
}
