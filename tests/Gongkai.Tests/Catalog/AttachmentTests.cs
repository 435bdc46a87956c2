using System.Security.Cryptography;
using System.Text;
using Gongkai.Application;
using Gongkai.Application.Catalog;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>Attachments are checked by content, against the extension and the size limit (1 MB in the tests).</summary>
public sealed class AttachmentTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Pdf(int size = 0)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return size <= head.Length ? head : [.. head, .. new byte[size - head.Length]];
    }

    [Theory, BothDatabases]
    public async Task Attach_GoodPdf_IsStoredWithItsHash(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));
        var pdf = Pdf();

        var attachment = await app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "春耕通知.pdf", pdf, Ct));

        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), attachment.Sha256);
        var stored = await app.WithDbAsync(db => db.AttachmentContents.SingleAsync(c => c.Id == attachment.Id, Ct));
        Assert.Equal(pdf, stored.Data);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "item.attach" && a.EntityId == item.Id.ToString(), Ct)));
    }

    [Theory, BothDatabases]
    public async Task Attach_ContentNotMatchingExtension_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));

        var pdfAsDocx = await Assert.ThrowsAsync<ValidationException>(() => app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "通知.docx", Pdf(), Ct)));
        var scriptAsPdf = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "通知.pdf", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), Ct)));
        var exe = await Assert.ThrowsAsync<ValidationException>(() => app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "setup.exe", Pdf(), Ct)));

        Assert.Equal("附件“通知.docx”的扩展名与内容不符：内容是 PDF 文件。", pdfAsDocx.Message);
        Assert.Equal("附件“通知.pdf”的内容不是可识别的 PDF、Word、Excel 或图片文件。", scriptAsPdf.Message);
        Assert.StartsWith("不支持的附件类型“.exe”", exe.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AttachmentContents.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Attach_OverTheSizeLimit_IsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "大文件.pdf", Pdf((1024 * 1024) + 1), Ct)));

        Assert.Contains("超过上限 1 MB", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(Ct)));
    }

    // Found in the attack: a NUL in the file name was stored (SQLite) or refused with a 500 (PostgreSQL), and the file
    // could not be downloaded.
    [Theory, BothDatabases]
    public async Task Attach_FileNameWithControlCharacters_IsCleanedAndTheFileDownloads(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var item = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));

        var attachment = await app.WithItemsAsync(s => s.AddAttachmentAsync(editor, item.Id, "C:\\temp\\春耕\0通知\u202E\r\n.pdf", Pdf(), Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, secrecyReviewed: true, "同意", Ct));
        using var client = app.Client();
        using var download = await client.GetAsync($"/attachments/{attachment.Id}/file.pdf", Ct);

        Assert.Equal("春耕通知.pdf", attachment.FileName);
        Assert.Equal("春耕通知.pdf", await app.WithDbAsync(db => db.Attachments.Where(a => a.Id == attachment.Id).Select(a => a.FileName).SingleAsync(Ct)));
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("春耕通知.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("  报告.pdf. ", "报告.pdf")]
    [InlineData("a\u202Efdp.exe", "afdp.exe")]
    public void CleanFileName_KeepsTheLastSegmentWithoutControlOrBidiCharacters(string raw, string clean) =>
        Assert.Equal(clean, AttachmentInspector.CleanFileName(raw));

    [Fact]
    public void CleanFileName_TooLong_KeepsTheExtension()
    {
        var clean = AttachmentInspector.CleanFileName(new string('长', 400) + ".pdf");

        Assert.Equal(AttachmentInspector.MaxFileNameLength, clean.Length);
        Assert.EndsWith(".pdf", clean, StringComparison.Ordinal);
    }
}
