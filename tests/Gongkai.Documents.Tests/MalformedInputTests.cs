using System.IO.Compression;
using System.Text;

namespace Gongkai.Documents.Tests;

/// <summary>Uploaded files are untrusted: every reader refuses bad input with <see cref="UnreadableDocumentException"/>, fast.</summary>
public class MalformedInputTests
{
    public static TheoryData<string, byte[]> BadFiles() => new()
    {
        { "empty", [] },
        { "text", Encoding.UTF8.GetBytes("这不是一个文件") },
        { "random", RandomBytes(4096) },
        { "truncated zip", ExcelWriter.Write(new Worksheet("s", [["a"]]))[..200] },
        { "zip without Office parts", Zip(("hello.txt", "hi")) },
        { "zip with broken XML", Zip(("[Content_Types].xml", "<Types"), ("word/document.xml", "<w:document")) },
        { "truncated pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R") },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Docx_BadInput_IsRefused(string name, byte[] bytes) =>
        Assert.Throws<UnreadableDocumentException>(() => DocxTextReader.Read(bytes)).Message.ShouldMention(name, "Word");

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Xlsx_BadInput_IsRefused(string name, byte[] bytes) =>
        Assert.Throws<UnreadableDocumentException>(() => XlsxReader.Read(bytes)).Message.ShouldMention(name, "Excel");

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Pdf_BadInput_IsRefused(string name, byte[] bytes) =>
        Assert.Throws<UnreadableDocumentException>(() => PdfTextReader.ReadPages(bytes)).Message.ShouldMention(name, "PDF");

    [Fact]
    public void AFileOverTheSizeLimit_IsRefusedBeforeParsing()
    {
        var limits = new ReadLimits { MaxBytes = 1024 };
        var big = WordWriter.Write(new Document("题", [new Paragraph(new string('字', 5000))]));

        var ex = Assert.Throws<UnreadableDocumentException>(() => DocxTextReader.Read(new MemoryStream(big), limits));

        Assert.Contains("超过", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APartThatInflatesBeyondTheLimit_IsRefused()
    {
        // ~2 MB of XML compresses to a few KB: the size check alone would let it through.
        var bomb = WordWriter.Write(new Document("题", [new Paragraph(new string('a', 2_000_000))]));
        var limits = new ReadLimits { MaxCharactersInPart = 100_000 };

        Assert.Throws<UnreadableDocumentException>(() => DocxTextReader.Read(bomb, limits));
    }

    [Fact]
    public void ASheetWithMoreCellsThanTheLimit_IsRefused()
    {
        var bytes = ExcelWriter.Write(new Worksheet("s", Enumerable.Range(0, 50).Select(i => (IReadOnlyList<string>)["a", "b"])));

        Assert.Throws<UnreadableDocumentException>(() => XlsxReader.Read(bytes, new ReadLimits { MaxCells = 99 }));
    }

    [Fact]
    public void AWordPartNestedTooDeep_IsRefused_InsteadOfOverflowingTheStack()
    {
        // 100,000 nested content controls: the Open XML SDK would recurse once per level and end the process.
        const int depth = 100_000;
        var xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + "<w:p/>"
            + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)) + "</w:body></w:document>";
        var bomb = Replace(WordWriter.Write(new Document("题", [new Paragraph("正文")])), "word/document.xml", xml);

        var ex = Assert.Throws<UnreadableDocumentException>(() => DocxTextReader.Read(bomb));

        Assert.Contains("嵌套层级", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASheetNestedTooDeep_IsRefused()
    {
        var xml = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + string.Concat(Enumerable.Repeat("<x:a>", 50_000)) + string.Concat(Enumerable.Repeat("</x:a>", 50_000)) + "</x:worksheet>";
        var bomb = Replace(ExcelWriter.Write(new Worksheet("s", [["a"]])), "xl/worksheets/sheet1.xml", xml);

        Assert.Throws<UnreadableDocumentException>(() => XlsxReader.Read(bomb));
    }

    [Fact]
    public void APdfObjectNestedTooDeep_IsRefused()
    {
        const int depth = 200_000;
        var pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /X " + new string('[', depth) + new string(']', depth) + " >>\nendobj\n"
            + "trailer\n<< /Size 2 /Root 1 0 R >>\n%%EOF\n";

        Assert.Throws<UnreadableDocumentException>(() => PdfTextReader.ReadPages(Encoding.ASCII.GetBytes(pdf)));
    }

    private static byte[] Replace(byte[] package, string part, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)!.Delete();
            using var w = new StreamWriter(zip.CreateEntry(part).Open());
            w.Write(content);
        }
        return stream.ToArray();
    }

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(entryName).Open());
                w.Write(content);
            }
        }
        return stream.ToArray();
    }
}

internal static class MessageAssertions
{
    /// <summary>The message names the format, in Chinese, whatever the bad input (<paramref name="input"/> labels the failure).</summary>
    public static void ShouldMention(this string message, string input, string format) =>
        Assert.True(message.Contains(format, StringComparison.Ordinal) && message.Contains("无法读取", StringComparison.Ordinal), $"{input}: {message}");
}
