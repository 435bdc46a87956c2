using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Application.Accounts;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Intake;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>
/// A case's files — the applicant's scanned letter (ID and phone numbers) and the generated letters (the applicant's
/// name) — are encrypted at rest like the case's personal data, and leave the database only through a checked,
/// audited download: staff of the case's agency, or the applicant with code and secret.
/// </summary>
public sealed class RequestFileProtectionTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A scanned application letter: a PDF whose text carries the applicant's ID and phone numbers.</summary>
    private static readonly byte[] Scan = Encoding.UTF8.GetBytes(
        $"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {ResidentId} {Phone}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory, BothDatabases]
    public async Task AttachmentsAndLetters_AreStoredEncrypted_AndTheirHashIsOfTheOriginal(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (_, clerk, created) = await AnsweredCaseWithScanAsync(app);

        var attachment = await app.WithDbAsync(db => db.RequestAttachments.SingleAsync(Ct));
        var letters = await app.WithDbAsync(db => db.RequestLetters.ToListAsync(Ct));
        var letter = await app.WithFilesAsync(f => f.LetterForStaffAsync(clerk, created.Record.Id, letters[0].Id, Ct));

        Assert.True(attachment.Encrypted);
        Assert.False(Contains(attachment.Data, "%PDF"u8), "the raw column shows no PDF header");
        Assert.False(Contains(attachment.Data, Encoding.UTF8.GetBytes(ResidentId)), "the raw column shows no ID number");
        Assert.False(Contains(attachment.Data, Encoding.UTF8.GetBytes(Phone)), "the raw column shows no phone number");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Scan)), attachment.Sha256);
        Assert.NotEmpty(letters);
        Assert.All(letters, l =>
        {
            Assert.True(l.Encrypted);
            Assert.False(Contains(l.Data, "PK\x03\x04"u8) || Contains(l.Data, "%PDF"u8), $"{l.FileName} is not stored as a readable Word or PDF file");
            Assert.False(Contains(l.Data, Encoding.UTF8.GetBytes(ApplicantName)), $"{l.FileName} does not show the applicant's name");
        });
        Assert.Equal(letters[0].Sha256, Convert.ToHexStringLower(SHA256.HashData(letter!.Data)));
    }

    [Theory, BothDatabases]
    public async Task StaffDownload_ReturnsTheOriginalBytes_AndWritesAnAuditEntryForEachFile(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (_, _, created) = await AnsweredCaseWithScanAsync(app);
        var attachmentId = await app.WithDbAsync(db => db.RequestAttachments.Select(a => a.Id).SingleAsync(Ct));
        var letterId = await app.WithDbAsync(db => db.RequestLetters.Where(l => l.FileName.EndsWith(".docx")).Select(l => l.Id).SingleAsync(Ct));
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");

        var scan = await client.GetAsync($"/staff/requests/{created.Record.Id}?handler=Attachment&attachmentId={attachmentId}", Ct);
        var word = await client.GetAsync($"/staff/requests/{created.Record.Id}?handler=LetterFile&letterId={letterId}", Ct);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "request.attachment.view" || a.Action == "request.letter.view")
            .Select(a => new { a.Action, a.EntityId, a.Detail }).ToListAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal(Scan, await scan.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await word.Content.ReadAsByteArrayAsync(Ct))[..2]);
        Assert.Equal(["request.attachment.view", "request.letter.view"], audit.Select(a => a.Action).Order());
        Assert.All(audit, a => Assert.Equal(created.Record.Id.ToString(), a.EntityId));
        Assert.All(audit, a => Assert.DoesNotContain(ResidentId, a.Detail ?? "", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task ApplicantDownload_WithCodeAndSecret_ReturnsTheLetter_AndIsAuditedAsTheApplicant(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (_, _, created) = await AnsweredCaseWithScanAsync(app);
        var letterId = await app.WithDbAsync(db => db.RequestLetters.Where(l => l.FileName.EndsWith(".docx")).Select(l => l.Id).SingleAsync(Ct));
        using var client = app.Client();
        var token = AntiforgeryToken(await client.GetStringAsync("/track", Ct));

        var letter = await client.PostAsync("/track?handler=Letter", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = created.Record.TrackingCode,
            ["Secret"] = created.Secret!,
            ["letterId"] = letterId.ToString(),
        }), Ct);
        var view = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "request.letter.view", Ct));

        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await letter.Content.ReadAsByteArrayAsync(Ct))[..2]);
        Assert.Equal("applicant", view.UserId);
        Assert.Equal(created.Record.Id.ToString(), view.EntityId);
    }

    [Theory, BothDatabases]
    public async Task AnotherAgencysStaff_GetNotFound_ForTheFiles_AndNothingIsDecryptedOrAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (agency, _, created) = await AnsweredCaseWithScanAsync(app);
        var health = await app.AddAgencyAsync("000014351", "示例县卫生健康局", agency.Id);
        await app.AddStaffAsync("stranger", health.Id, Roles.Editor);
        var attachmentId = await app.WithDbAsync(db => db.RequestAttachments.Select(a => a.Id).SingleAsync(Ct));
        var letterId = await app.WithDbAsync(db => db.RequestLetters.Select(l => l.Id).FirstAsync(Ct));
        using var client = app.Client();
        await app.SignInAsync(client, "stranger");

        var scan = await client.GetAsync($"/staff/requests/{created.Record.Id}?handler=Attachment&attachmentId={attachmentId}", Ct);
        var letter = await client.GetAsync($"/staff/requests/{created.Record.Id}?handler=LetterFile&letterId={letterId}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, scan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "request.attachment.view" || a.Action == "request.letter.view", Ct)));
    }

    [Theory, BothDatabases]
    public async Task FilesStoredInPlaintextBeforeEncryption_AreStillServed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        var old = new RequestAttachment
        {
            Id = Guid.NewGuid(), RequestId = record.Id, FileName = "申请书.pdf", ContentType = "application/pdf", Size = Scan.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Scan)), Data = Scan, // Encrypted false: a row from before
        };
        await app.WithDbAsync(async db => { db.RequestAttachments.Add(old); return await db.SaveChangesAsync(Ct); });

        var file = await app.WithFilesAsync(f => f.AttachmentForStaffAsync(clerk, record.Id, old.Id, Ct));

        Assert.Equal(Scan, file!.Data);
    }

    [Theory, BothDatabases]
    public async Task ACopyOfTheDatabaseWithoutTheKeyRingCertificate_CannotReadTheFiles(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await AnsweredCaseWithScanAsync(app);
        var stored = await app.WithDbAsync(db => db.RequestAttachments.Select(a => a.Data).SingleAsync(Ct));

        // Someone with the database (a dump, a backup) but not the certificate that protects the key ring in it.
        await using var thief = DatabaseCopy.WithoutTheKeyRingCertificate(app);

        Assert.ThrowsAny<CryptographicException>(() => thief.GetRequiredService<ApplicantDataProtector>().UnprotectFile(stored));
    }

    /// <summary>An in-person request with its scanned letter, decided, answered and its answer letter generated.</summary>
    private static async Task<(Gongkai.Application.Agencies.Agency Agency, StaffContext Clerk, NewRequest Created)> AnsweredCaseWithScanAsync(TestApp app)
    {
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var created = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, Input(), app.Clock.Today, null, null,
            ("申请书.pdf", Scan), Ct));
        await app.WithStepsAsync(s => s.DecideAsync(clerk, created.Record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct));
        await app.WithStepsAsync(s => s.AnswerAsync(clerk, created.Record.Id, null, Ct));
        await app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateAsync(clerk, created.Record.Id, Ct));
        return (agency, clerk, created);
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
