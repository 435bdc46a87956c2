using PdfSharp.Pdf;

namespace Gongkai.Documents;

/// <summary>
/// Writes a <see cref="Document"/> as an A4 PDF with the CJK font embedded (only the glyphs used, for TrueType faces), so the
/// file reads the same on a machine without Chinese fonts and its text can be extracted again.
/// </summary>
public static class PdfWriter
{
    public const string ContentType = "application/pdf";

    /// <summary>
    /// PDFsharp 6.5 refuses to run until a licence is chosen: "AGPL" (open-source use under the AGPL) or a commercial key.
    /// That is the operator's decision, so it comes from configuration; false when none is given.
    /// </summary>
    public static bool ConfigureLicense(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return false;
        }
        if (string.Equals(setting.Trim(), "AGPL", StringComparison.OrdinalIgnoreCase))
        {
            PdfSharp.PdfSharpLicense.SetAgplLicense();
        }
        else
        {
            PdfSharp.PdfSharpLicense.LoadLicense(setting.Trim());
        }
        return true;
    }

    /// <summary>Lays out <paramref name="document"/>; <paramref name="fontPath"/> is tried before the system's CJK fonts.</summary>
    /// <exception cref="InvalidOperationException">No CJK font is installed (<see cref="CjkFontResolver.MissingFontMessage"/>).</exception>
    /// <exception cref="PdfLicenseException">No licence was chosen, or PDFsharp rejected it.</exception>
    public static byte[] Write(Document document, string? fontPath = null, string? serifFontPath = null)
    {
        try
        {
            return Lay(document, fontPath, serifFontPath);
        }
        catch (PdfSharp.License.PdfSharpLicenseException ex)
        {
            throw new PdfLicenseException("PDF 组件许可无效或未配置。", ex);
        }
    }

    private static byte[] Lay(Document document, string? fontPath, string? serifFontPath)
    {
        if (CjkFontResolver.FindFontFile(fontPath) is null)
        {
            throw new InvalidOperationException(CjkFontResolver.MissingFontMessage);
        }
        CjkFontResolver.Install(fontPath, serifFontPath);
        using var pdf = new PdfDocument();
        pdf.Info.Title = XmlText.Clean(document.Title);
        using (var layout = new PdfLayout(pdf, document.Official))
        {
            layout.Title(document.Title);
            if (document.Official && document.Reference is { Length: > 0 } reference)
            {
                layout.Reference(reference);
            }
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        layout.Paragraph(p);
                        break;
                    case Table t:
                        layout.Table(t);
                        break;
                    case SealSpace:
                        layout.SealSpace();
                        break;
                    default:
                        throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(document));
                }
            }
            layout.PageNumbers();
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }
}
