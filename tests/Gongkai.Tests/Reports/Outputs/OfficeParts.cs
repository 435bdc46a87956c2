using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Gongkai.Tests.Reports.Outputs;

/// <summary>Raw parts of an Office file, read with the zip reader only, to see what the writers put in.</summary>
internal static class OfficeParts
{
    public static string Read(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }

    public static int Count(string text, string fragment) => Regex.Count(text, Regex.Escape(fragment));
}
