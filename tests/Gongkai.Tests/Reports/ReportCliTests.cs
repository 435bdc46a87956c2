using System.Text.RegularExpressions;
using Gongkai.Documents;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Support;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Reports;

/// <summary><c>gongkai report generate</c>: the same JSON as the golden report, on stdout or in a file.</summary>
public sealed class ReportCliTests(PostgresServer postgres)
{
    [Theory, BothDatabases]
    public async Task ReportGenerateJson_WritesTheGoldenReportToStdout_AndTheCarriedOverCasesToStderr(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await ReportRecords.AddFixtureAsync(app, agency.Id);
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.json");

        var stdout = await GongkaiCli.RunAsync(app.Database, "report", "generate", "--agency", agency.Code, "--year", "2021", "--format", "json");
        var toFile = await GongkaiCli.RunAsync(app.Database, "report", "generate", "--agency", agency.Code, "--year", "2020", "--out", file);
        var docxToStdout = await GongkaiCli.RunAsync(app.Database, "report", "generate", "--agency", agency.Code, "--year", "2021", "--format", "docx");
        var unknown = await GongkaiCli.RunAsync(app.Database, "report", "generate", "--agency", "NOPE", "--year", "2021");

        Assert.True(stdout.ExitCode == 0, stdout.ToString());
        Assert.Equal(File.ReadAllText(GoldenReports.PathOf("generated-2021.json")), stdout.Out);
        Assert.Contains("RPTA09", stdout.Error, StringComparison.Ordinal);
        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.Equal(File.ReadAllText(GoldenReports.PathOf("generated-2020.json")), File.ReadAllText(file));
        File.Delete(file);
        Assert.Equal(1, docxToStdout.ExitCode);
        Assert.Contains("输出格式 docx 是文件，请用 --out 指定输出文件。", docxToStdout.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("找不到编码为“NOPE”的单位。", unknown.Error, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task ReportGenerate_WritesWordPdfExcelAndHtml_ThatReopenWithTheReportsTables(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await ReportRecords.AddFixtureAsync(app, agency.Id);
        var dir = Directory.CreateTempSubdirectory("report-cli-").FullName;
        const string label = "一、本年新收政府信息公开申请数量";
        // The PDF licence is the operator's choice, given to the CLI through the environment like the web host's settings.
        Environment.SetEnvironmentVariable("Letters__PdfSharpLicense", "AGPL");
        try
        {
            var files = new Dictionary<string, byte[]>();
            foreach (var format in new[] { "docx", "pdf", "xlsx", "html" })
            {
                var file = Path.Combine(dir, "report." + format);
                var run = await GongkaiCli.RunAsync(app.Database, "report", "generate", "--agency", agency.Code, "--year", "2021", "--format", format, "--out", file);
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Contains($" 格式，{format}）：", run.Out, StringComparison.Ordinal);
                files[format] = File.ReadAllBytes(file);
            }

            var docx = DocxTextReader.Read(files["docx"]);
            Assert.Contains(docx.Tables.SelectMany(t => t.Rows).SelectMany(r => r), c => c.Contains(label, StringComparison.Ordinal));
            Assert.Contains(label, Regex.Replace(string.Concat(PdfTextReader.ReadPages(new MemoryStream(files["pdf"]))), @"\s+", ""), StringComparison.Ordinal);
            var sheets = XlsxReader.Read(files["xlsx"]);
            Assert.Contains(sheets, s => s.Name.StartsWith("三、", StringComparison.Ordinal) && s.Rows.SelectMany(r => r).Any(c => c.Contains(label, StringComparison.Ordinal)));
            var html = System.Text.Encoding.UTF8.GetString(files["html"]);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<table>", html, StringComparison.Ordinal);
            Assert.Contains(label, html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
