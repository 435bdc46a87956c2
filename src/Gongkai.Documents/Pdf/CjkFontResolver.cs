using System.Buffers.Binary;
using System.Text;
using PdfSharp.Fonts;

namespace Gongkai.Documents;

/// <summary>
/// Gives PDFsharp a CJK font for <see cref="PdfWriter"/>. PDFsharp needs the bytes of one font face; the Noto CJK fonts ship as
/// a .ttc collection, so the Simplified Chinese face is cut out into a standalone font. Candidates, in order: the
/// configured path (the application's <c>Letters:FontPath</c>), Noto Sans/Serif CJK, WenQuanYi Micro Hei, AR PL UKai.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string MissingFontMessage = "找不到中文字体，无法生成 PDF：请安装 fonts-noto-cjk（或 fonts-wqy-microhei），或在配置 Letters:FontPath 中指定 .ttf/.otf/.ttc 字体文件。";

    public const string FamilyName = "GongkaiCJK";

    /// <summary>
    /// The serif (宋体/明体-like) family of official letters: the configured <c>Letters:SerifFontPath</c>, else AR PL UMing
    /// (fonts-arphic-uming); without either, the face above, so a letter is always written.
    /// </summary>
    public const string SerifFamilyName = "GongkaiCJKSerif";

    private const string SerifFace = "GongkaiCJKSerif-Regular";

    // Only TrueType-outline serif faces by default: PDFsharp cannot subset CFF outlines, so Noto Serif CJK (fonts-noto-cjk)
    // would put its whole face into every letter (more than 10 MB). An operator who wants it anyway names it in
    // Letters:SerifFontPath (e.g. /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc).
    private static readonly string[] SerifCandidates =
    [
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    ];

    private static string? _serifPath;

    private static readonly Dictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    // TrueType-outline fonts first: PDFsharp embeds only the glyphs used (a letter of ~30 KB). Noto CJK has PostScript (CFF)
    // outlines, which PDFsharp cannot subset, so it embeds the whole face (~13 MB per letter) — correct but heavy.
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/arphic/ukai.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    private static readonly object Gate = new();
    private static string? _configuredPath;
    private static byte[]? _face;

    /// <summary>Installs the resolver once per process (PDFsharp's resolver is global).</summary>
    public static void Install(string? configuredPath, string? serifPath = null)
    {
        lock (Gate)
        {
            _configuredPath = configuredPath;
            if (_serifPath != serifPath)
            {
                _serifPath = serifPath;
                Faces.Clear();
            }
            if (GlobalFontSettings.FontResolver is not CjkFontResolver)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver();
            }
        }
    }

    /// <summary>The first font file that exists: <paramref name="configuredPath"/>, then <paramref name="candidates"/> (default: the system's).</summary>
    public static string? FindFontFile(string? configuredPath, IEnumerable<string>? candidates = null) =>
        (configuredPath is null ? [] : new[] { configuredPath }).Concat(candidates ?? Candidates).FirstOrDefault(File.Exists);

    /// <summary>The serif face file: <paramref name="serifPath"/> when it exists, else an installed TrueType serif face, else null.</summary>
    public static string? FindSerifFile(string? serifPath = null) => FindFontFile(serifPath, SerifCandidates);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Bold is simulated: a title in the serif face, never a missing letter for want of a bold face.
        if (familyName == SerifFamilyName && FindSerifFile(_serifPath) is not null)
        {
            return new(SerifFace, bold, false);
        }
        return new(FamilyName, bold, false);
    }

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (faceName == FamilyName)
            {
                return _face ??= LoadFace(FindFontFile(_configuredPath));
            }
            if (!Faces.TryGetValue(faceName, out var face))
            {
                face = LoadFace(FindSerifFile(_serifPath));
                Faces[faceName] = face;
            }
            return face;
        }
    }

    private static byte[] LoadFace(string? path)
    {
        if (path is null)
        {
            throw new InvalidOperationException(MissingFontMessage);
        }
        var bytes = File.ReadAllBytes(path);
        return IsCollection(bytes) ? ExtractFace(bytes, PreferredFace(bytes)) : bytes;
    }

    private static bool IsCollection(byte[] b) => b.Length > 12 && b[0] == 't' && b[1] == 't' && b[2] == 'c' && b[3] == 'f';

    /// <summary>The face whose name table mentions "CJK SC" (Simplified Chinese glyph forms); otherwise the first.</summary>
    private static int PreferredFace(byte[] b)
    {
        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(8));
        var marker = Encoding.BigEndianUnicode.GetBytes("CJK SC");
        for (var i = 0; i < count; i++)
        {
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12 + (4 * i)));
            var (nameOffset, nameLength) = FindTable(b, offset, "name");
            if (nameLength > 0 && b.AsSpan(nameOffset, nameLength).IndexOf(marker) >= 0)
            {
                return i;
            }
        }
        return 0;
    }

    private static (int Offset, int Length) FindTable(byte[] b, int fontOffset, string tag)
    {
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(fontOffset + 4));
        for (var t = 0; t < numTables; t++)
        {
            var rec = fontOffset + 12 + (16 * t);
            if (Encoding.ASCII.GetString(b, rec, 4) == tag)
            {
                return ((int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(rec + 8)), (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(rec + 12)));
            }
        }
        return (0, 0);
    }

    /// <summary>Rebuilds face <paramref name="index"/> of a collection as a standalone font: same tables, offsets rebased.</summary>
    private static byte[] ExtractFace(byte[] b, int index)
    {
        var fontOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(12 + (4 * index)));
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(fontOffset + 4));
        var headerLength = 12 + (16 * numTables);
        var tables = new List<(int Record, int Offset, int Length)>();
        for (var t = 0; t < numTables; t++)
        {
            var rec = fontOffset + 12 + (16 * t);
            tables.Add((rec, (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(rec + 8)), (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(rec + 12))));
        }
        var total = headerLength + tables.Sum(t => (t.Length + 3) & ~3);
        var output = new byte[total];
        b.AsSpan(fontOffset, headerLength).CopyTo(output);
        var position = headerLength;
        for (var t = 0; t < tables.Count; t++)
        {
            var (_, offset, length) = tables[t];
            b.AsSpan(offset, length).CopyTo(output.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + (16 * t) + 8), (uint)position);
            position += (length + 3) & ~3;
        }
        return output;
    }
}
