using System.IO.Compression;

namespace Gongkai.Documents.Tests;

/// <summary>Raw parts of an Office file, read with the zip reader only, to check what the writers put in without trusting our readers.</summary>
internal static class Parts
{
    public static string Read(byte[] package, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }

    public static int Count(string text, string fragment)
    {
        var n = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + fragment.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
