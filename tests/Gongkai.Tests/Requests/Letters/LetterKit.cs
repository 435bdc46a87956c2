using Gongkai.Application.Accounts;
using Gongkai.Application.Requests.Letters;
using Gongkai.Documents;
using Gongkai.Domain.Requests.Letters;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests.Letters;

/// <summary>Generates a letter and reopens both files as a reader would: the Word text and the PDF text.</summary>
internal static class LetterKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Opened(IssuedLetter Letter, string Word, string Pdf);

    public static Task<IssuedLetter> GenerateAsync(this TestApp app, StaffContext clerk, long requestId, LetterKind kind) =>
        app.InScopeAsync(sp => sp.GetRequiredService<CaseLetters>().GenerateAsync(clerk, requestId, kind, Ct));

    public static async Task<Opened> GenerateAndOpenAsync(this TestApp app, StaffContext clerk, long requestId, LetterKind kind)
    {
        var letter = await app.GenerateAsync(clerk, requestId, kind);
        var docx = await app.LetterContentAsync(l => l.IssuedLetterId == letter.Id && l.FileName.EndsWith(".docx"));
        var pdf = await app.LetterContentAsync(l => l.IssuedLetterId == letter.Id && l.FileName.EndsWith(".pdf"));
        var word = DocxTextReader.Read(docx);
        var wordText = string.Join("\n", word.Blocks.Select(b => b switch
        {
            DocxParagraph p => p.Text,
            DocxTable t => string.Concat(t.Rows.Select(r => string.Concat(r))),
            _ => "",
        }));
        // PDF text comes back without line breaks where a line wrapped: drop the spaces PdfPig inserts, check and cut each
        // page's number (drawn last, so read last), then join the pages.
        var pages = PdfTextReader.ReadPages(pdf).Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var number = $"—{i + 1}—";
            Assert.EndsWith(number, pages[i], StringComparison.Ordinal);
            pages[i] = pages[i][..^number.Length];
        }
        var pdfText = string.Concat(pages);
        return new(letter, wordText, pdfText);
    }

    public static Task<int> LetterCountAsync(this TestApp app, long requestId) =>
        app.WithDbAsync(db => db.IssuedLetters.CountAsync(l => l.RequestId == requestId, Ct));

    /// <summary>"。。", "，，" and the like: a letter composed from clerk's text must not double its punctuation.</summary>
    public static void HasNoDoubledPunctuation(string text)
    {
        foreach (var doubled in new[] { "。。", "，，", "：：", "；；", "》》", "《《", "、、", "？？", "！！", "。，", "，。", "：。" })
        {
            Assert.DoesNotContain(doubled, text, StringComparison.Ordinal);
        }
    }
}
