using System.Text.RegularExpressions;
using Gongkai.Application.Reports.Outputs;
using Gongkai.Documents;
using Gongkai.Domain.Reports;
using static Gongkai.Tests.Reports.Outputs.ReportSamples;

namespace Gongkai.Tests.Reports.Outputs;

/// <summary>The PDF of a report, reopened with PdfPig: every label and number is there, in row order, in an embedded CJK font.</summary>
public class ReportPdfTests
{
    static ReportPdfTests() => PdfWriter.ConfigureLicense("AGPL");

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void EveryLabelAndNumber_IsInTheText_RowByRow(string golden)
    {
        var report = Golden(golden);

        var text = Flat(string.Concat(PdfTextReader.ReadPages(ReportFiles.Pdf(report))));

        Assert.Contains(Flat(ReportDocument.Title(report)), text, StringComparison.Ordinal);
        Assert.All(report.Template.Sections, s => Assert.Contains(s, text, StringComparison.Ordinal));
        Assert.Contains(Flat(ApplicantColumns.Caption), text, StringComparison.Ordinal);
        Assert.Contains(Flat("申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"), text, StringComparison.Ordinal);
        string? group = null;
        foreach (var row in report.Template.ApplicationRows)
        {
            // A row draws the labels that start on it, then its seven figures.
            var labels = (row.Key == "三(一)" ? "三、本年度办理结果" : "") + (row.Group is not null && row.Group != group ? row.Group : "") + row.Label;
            group = row.Group;
            Assert.Contains(Flat(labels + string.Concat(report.Applications[row.Key].Select(Printed))), text, StringComparison.Ordinal);
        }
        foreach (var table in report.Template.Section2)
        {
            Assert.Contains(Flat(table.Key + "信息内容" + string.Concat(table.Columns.Select(c => c.Label))), text, StringComparison.Ordinal);
            foreach (var row in table.Rows)
            {
                Assert.Contains(Flat(row + string.Concat(table.Columns.Select(c => ReportFigures.Text(report.Section2[table.Key, row, c.Label], c.Kind)))),
                    text, StringComparison.Ordinal);
            }
        }
        Assert.Contains(string.Concat(report.ReviewLitigation.Select(Printed)), text, StringComparison.Ordinal);
        Assert.Contains(Flat(report.Text.Overview!), text, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void EveryLetter_IsOnThePage_NoTableRunsOffTheBottom(string golden)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(ReportFiles.Pdf(Golden(golden)));

        foreach (var page in pdf.GetPages())
        {
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Bottom, 36, page.Height - 36));
        }
    }

    [Fact]
    public void TheCjkFontIsEmbedded()
    {
        var pdf = System.Text.Encoding.Latin1.GetString(ReportFiles.Pdf(Golden("report-2021.json")));

        Assert.Matches("/FontFile[23]?", pdf);
    }

    [Fact]
    public void The2008StatisticsTable_IsInTheText()
    {
        var report = Seed("002-pingchuan-2018.json");

        var text = Flat(string.Concat(PdfTextReader.ReadPages(ReportFiles.Pdf(report))));

        foreach (var row in report.Template.StatisticsRows.Where(r => !r.IsHeader))
        {
            Assert.Contains(Flat(row.Label + row.Unit + ReportFigures.Text(report.Statistics2008[row.Key], Section2ValueKind.AmountWanYuan)), text, StringComparison.Ordinal);
        }
    }

    /// <summary>Text without white space: a long label wraps onto several lines of its cell.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", "");
}
