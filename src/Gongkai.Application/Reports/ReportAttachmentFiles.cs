using Gongkai.Application.Reports.Outputs;
using Gongkai.Documents;
using Gongkai.Domain.Reports;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Application.Reports;

/// <summary>One output file of a report: its name, content type and bytes.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Data);

/// <summary>
/// The report's files in every format the platform offers (<see cref="ReportFiles"/>): Word and Excel always, PDF when a
/// Chinese font and the PDF licence are configured (<c>Letters:FontPath</c>, <c>Letters:PdfSharpLicense</c>), as for letters.
/// </summary>
public sealed class ReportAttachmentFiles(IConfiguration configuration)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Every format a report is written in.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["json", "docx", "pdf", "xlsx", "html"];

    /// <summary>The file of one format (<see cref="Formats"/>), or null when PDF cannot be made here.</summary>
    public ReportFile? For(AnnualReport report, string format) => format switch
    {
        "docx" => new(ReportFiles.FileName(report, "docx"), DocxType, ReportFiles.Docx(report)),
        "xlsx" => new(ReportFiles.FileName(report, "xlsx"), XlsxType, ReportFiles.Xlsx(report)),
        "json" => new(ReportFiles.FileName(report, "json"), "application/json", System.Text.Encoding.UTF8.GetBytes(AnnualReportJson.Write(report))),
        "html" => new(ReportFiles.FileName(report, "html"), HtmlWriter.ContentType, HtmlWriter.WriteBytes(ReportDocument.For(report))),
        "pdf" => CanWritePdf ? new(ReportFiles.FileName(report, "pdf"), PdfWriter.ContentType, ReportFiles.Pdf(report, configuration["Letters:FontPath"])) : null,
        _ => null,
    };

    /// <summary>The files attached to the published catalog item: Word, PDF (when possible) and Excel.</summary>
    public IReadOnlyList<ReportFile> Attachments(AnnualReport report) =>
        [.. AttachedFormats.Select(f => For(report, f)).OfType<ReportFile>()];

    private static readonly string[] AttachedFormats = ["docx", "pdf", "xlsx"];

    public bool CanWritePdf =>
        CjkFontResolver.FindFontFile(configuration["Letters:FontPath"]) is not null && PdfWriter.ConfigureLicense(configuration["Letters:PdfSharpLicense"]);
}
