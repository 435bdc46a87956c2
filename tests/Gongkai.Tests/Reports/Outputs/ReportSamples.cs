using System.Globalization;
using System.Runtime.CompilerServices;
using Gongkai.Domain.Reports;

namespace Gongkai.Tests.Reports.Outputs;

/// <summary>
/// The reports the outputs are checked against: the golden fixtures of the domain tests (one per template), read from
/// their JSON form, and the transcribed seeds (the 2018 统计表 among them).
/// </summary>
internal static class ReportSamples
{
    public static TheoryData<string> GoldenFiles => new("report-2020.json", "report-2021.json");

    public static AnnualReport Golden(string name) => Read(Path.Combine("Golden", name));

    public static AnnualReport Seed(string name) => Read(Path.Combine("Seeds", name));

    /// <summary>The printed form of a figure, written here independently of the renderer: empty when unknown.</summary>
    public static string Printed(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The golden report with some cells unknown, to show that an unknown cell prints empty, never 0.</summary>
    public static AnnualReport WithUnknownCells(string name)
    {
        var report = Golden(name);
        report.Applications["一"][1] = null;
        report.Applications["三(七)"][ApplicantColumns.Total] = null;
        report.ReviewLitigation[0] = null;
        var table = report.Template.Section2[0];
        report.Section2[table.Key, table.Rows[0], table.Columns[0].Label] = null;
        return report;
    }

    private static AnnualReport Read(string relative) => AnnualReportJson.Read(File.ReadAllText(Path.Combine(Directory(), relative)));

    private static string Directory([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "Gongkai.Domain.Tests", "Reports"));
}
