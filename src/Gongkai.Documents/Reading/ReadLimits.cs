using System.IO.Compression;
using System.Xml;

namespace Gongkai.Documents;

/// <summary>
/// How much a reader accepts. Uploaded files are untrusted: a small zip can inflate to gigabytes and a PDF can claim
/// millions of pages, so each reader checks the file size first and bounds what it unpacks.
/// </summary>
public sealed record ReadLimits
{
    public static ReadLimits Default { get; } = new();

    /// <summary>Largest file accepted, in bytes (default 20 MiB, the size of the largest upload).</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest XML part of a .docx or .xlsx once unzipped, in characters (default 50 million).</summary>
    public long MaxCharactersInPart { get; init; } = 50_000_000;

    /// <summary>Most pages read from a PDF.</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>Most cells read from one sheet.</summary>
    public int MaxCells { get; init; } = 2_000_000;

    /// <summary>
    /// Deepest element nesting in a .docx or .xlsx part. The Open XML SDK builds its tree recursively, so a part nested
    /// a hundred thousand levels deep would overflow the stack and end the process (no exception to catch); real
    /// documents stay far below this.
    /// </summary>
    public int MaxXmlDepth { get; init; } = 256;

    /// <summary>Most entries in a .docx or .xlsx package.</summary>
    public int MaxPackageEntries { get; init; } = 10_000;

    internal byte[] Take(Stream input, string kind)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge(kind);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    internal void Check(byte[] content, string kind)
    {
        if (content.LongLength > MaxBytes)
        {
            throw TooLarge(kind);
        }
    }

    private UnreadableDocumentException TooLarge(string kind) =>
        new($"{kind}文件超过 {MaxBytes / 1024 / 1024} MB，无法读取。");

    /// <summary>
    /// Reads every XML part of an Office package once with a streaming reader (no recursion, no DTDs) and refuses it when
    /// a part nests deeper than <see cref="MaxXmlDepth"/>, is larger than <see cref="MaxCharactersInPart"/> or the
    /// package has more than <see cref="MaxPackageEntries"/> entries — before the Open XML SDK builds anything.
    /// </summary>
    internal void CheckPackage(byte[] content, string kind)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxPackageEntries)
        {
            throw new UnreadableDocumentException($"无法读取{kind}文件：文件包含的部件过多。");
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharactersInPart,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        };
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = XmlReader.Create(entry.Open(), settings);
            while (reader.Read())
            {
                if (reader.Depth > MaxXmlDepth)
                {
                    throw new UnreadableDocumentException($"无法读取{kind}文件：“{entry.FullName}”的嵌套层级超过 {MaxXmlDepth} 层。");
                }
            }
        }
    }

    /// <summary>Runs a parser, turning whatever it throws on bad input into <see cref="UnreadableDocumentException"/>.</summary>
    internal static T Guard<T>(string kind, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (UnreadableDocumentException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new UnreadableDocumentException($"无法读取{kind}文件：文件已损坏或不是{kind}格式。", ex);
        }
    }
}
