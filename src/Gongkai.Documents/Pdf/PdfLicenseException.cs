namespace Gongkai.Documents;

/// <summary>PDFsharp rejected the configured licence (see <see cref="PdfWriter.ConfigureLicense"/>); the Word version still works.</summary>
public sealed class PdfLicenseException : Exception
{
    public PdfLicenseException()
    {
    }

    public PdfLicenseException(string message)
        : base(message)
    {
    }

    public PdfLicenseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
