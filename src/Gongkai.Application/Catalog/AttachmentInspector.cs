using System.IO.Compression;

namespace Gongkai.Application.Catalog;

/// <summary>A file type the platform accepts, recognised by its content, never by its name alone.</summary>
public sealed record AttachmentType(string Label, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Checks uploaded files by content: the bytes must be a PDF, Word, Excel or image file, and the file name's
/// extension must agree with what the bytes are. Files are stored as data and served as downloads, never executed.
/// </summary>
public static class AttachmentInspector
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public static readonly AttachmentType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly AttachmentType Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly AttachmentType Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly AttachmentType LegacyOffice = new("Word/Excel 97-2003", "application/octet-stream", [".doc", ".xls"]);
    public static readonly AttachmentType Png = new("PNG 图片", "image/png", [".png"]);
    public static readonly AttachmentType Jpeg = new("JPEG 图片", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AttachmentType Gif = new("GIF 图片", "image/gif", [".gif"]);

    public static IReadOnlyList<string> AllowedExtensions { get; } = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".png", ".jpg", ".jpeg", ".gif"];

    /// <summary>Longest stored file name (the column's length).</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>
    /// The name an upload is stored and offered under: the last path segment only, without control characters (a NUL
    /// made PostgreSQL refuse the row and a download header impossible) or bidirectional overrides (which make
    /// "exe.pdf" display as something else), trimmed, and at most <see cref="MaxFileNameLength"/> characters with the
    /// extension kept.
    /// </summary>
    public static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069')).ToArray()).Trim().TrimEnd('.');
        if (name.Length > MaxFileNameLength)
        {
            var ext = Path.GetExtension(name);
            name = ext.Length < 16 ? name[..(MaxFileNameLength - ext.Length)] + ext : name[..MaxFileNameLength];
        }
        return name;
    }

    /// <summary>Returns the detected type, or throws a <see cref="ValidationException"/> saying exactly what is wrong.</summary>
    public static AttachmentType Inspect(string fileName, ReadOnlySpan<byte> content, long maxBytes = DefaultMaxBytes)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(Path.GetFileNameWithoutExtension(fileName)))
        {
            throw new ValidationException("File", "附件文件名不能为空。");
        }
        if (content.Length == 0)
        {
            throw new ValidationException("File", $"附件“{fileName}”是空文件。");
        }
        if (content.Length > maxBytes)
        {
            throw new ValidationException("File", $"附件“{fileName}”大小为 {content.Length / 1024.0 / 1024.0:F1} MB，超过上限 {maxBytes / 1024 / 1024} MB。");
        }
        if (!AllowedExtensions.Contains(ext))
        {
            throw new ValidationException("File", $"不支持的附件类型“{ext}”。允许：PDF、Word、Excel、PNG/JPEG/GIF 图片。");
        }
        var detected = Detect(content);
        if (detected is null)
        {
            throw new ValidationException("File", $"附件“{fileName}”的内容不是可识别的 PDF、Word、Excel 或图片文件。");
        }
        if (!detected.Extensions.Contains(ext))
        {
            throw new ValidationException("File", $"附件“{fileName}”的扩展名与内容不符：内容是 {detected.Label} 文件。");
        }
        return detected;
    }

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    // Compound File Binary: Word 97-2003 and Excel 97-2003.
    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static AttachmentType? Detect(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (c.StartsWith(PngMagic))
        {
            return Png;
        }
        if (c.StartsWith(JpegMagic))
        {
            return Jpeg;
        }
        if (c.StartsWith("GIF87a"u8) || c.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (c.StartsWith(OleMagic))
        {
            return LegacyOffice;
        }
        if (c.StartsWith("PK\x03\x04"u8))
        {
            return DetectOpenXml(c.ToArray());
        }
        return null;
    }

    private static AttachmentType? DetectOpenXml(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }
            if (zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }
            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return Xlsx;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
