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
