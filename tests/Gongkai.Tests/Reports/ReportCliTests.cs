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
        var docx = await GongkaiCli.RunAsync(app.Database, "report", "generate", "--agency", agency.Code, "--year", "2021", "--format", "docx");
        var unknown = await GongkaiCli.RunAsync(app.Database, "report", "generate", "--agency", "NOPE", "--year", "2021");

        Assert.True(stdout.ExitCode == 0, stdout.ToString());
        Assert.Equal(File.ReadAllText(GoldenReports.PathOf("generated-2021.json")), stdout.Out);
        Assert.Contains("RPTA09", stdout.Error, StringComparison.Ordinal);
        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.Equal(File.ReadAllText(GoldenReports.PathOf("generated-2020.json")), File.ReadAllText(file));
        File.Delete(file);
        Assert.Equal(1, docx.ExitCode);
        Assert.Contains("尚未支持", docx.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("找不到编码为“NOPE”的单位。", unknown.Error, StringComparison.Ordinal);
    }
}
