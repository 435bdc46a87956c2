using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Gongkai.Documents.Tests;

/// <summary>Fonts whose program is inside the PDF: font descriptors carrying a FontFile, FontFile2 or FontFile3 stream.</summary>
internal static class PdfFonts
{
    public static IReadOnlyList<string> Embedded(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return [.. document.Internals.GetAllObjects().OfType<PdfDictionary>()
            .Where(d => d.Elements.GetName("/Type") == "/FontDescriptor"
                && (d.Elements.ContainsKey("/FontFile") || d.Elements.ContainsKey("/FontFile2") || d.Elements.ContainsKey("/FontFile3")))
            .Select(d => d.Elements.GetName("/FontName"))];
    }
}
