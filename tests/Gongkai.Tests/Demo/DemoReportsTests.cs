using Gongkai.Application.Demo;
using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>
/// The demo county's annual reports: every agency, every year from 2019 to last year, generated from the demo's records
/// by the report store in the year's template, checked, submitted and accepted (条例第四十九条、第五十条).
/// </summary>
public sealed class DemoReportsTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task DemoLoad_EveryAgencyHasItsReportsForEveryYear_InTheYearsTemplate_WithoutErrors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var load = await GongkaiCli.RunAsync(database, "demo", "load", "--items-per-agency", "40");
        Assert.True(load.ExitCode == 0, load.ToString());

        var (agencies, records) = await GongkaiCli.QueryAsync(database, async db => (
            await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, Ct),
            await db.AnnualReports.AsNoTracking().ToListAsync(Ct)));
        var lastYear = DateTime.UtcNow.AddHours(8).Year - 1;
        var years = Enumerable.Range(DemoHistory.FirstYear, lastYear - DemoHistory.FirstYear + 1).ToList();
        Assert.Equal(agencies.Count * years.Count, records.Count);
        var reports = records.ToDictionary(r => (r.AgencyId, r.Year), r => (Record: r, Report: AnnualReportJson.Read(r.ModelJson)));
        var warnings = new List<string>();
        foreach (var agency in agencies.Values)
        {
            foreach (var year in years)
            {
                Assert.True(reports.TryGetValue((agency.Id, year), out var stored), $"{agency.Name} has no {year} report");
                var (record, report) = stored;
                Assert.Equal(year <= 2020 ? "2019" : "2021", record.Template);
                Assert.Equal(ReportTemplates.ForYear(year), report.Template);
                // Published in the 年报 column, on time (条例第四十九条), as the agency administrator does.
                Assert.Equal(AnnualReportStatus.Published, record.Status);
                Assert.NotNull(record.ItemId);
                Assert.False(record.PublishedLate, $"{agency.Name} {year} published late on {record.PublishedOn}");
                // Checked again here, against last year's report, as the store checks on every save.
                var previous = reports.TryGetValue((agency.Id, year - 1), out var last) ? last.Report : null;
                var findings = ReportChecker.Check(report, previous, agency.Kind);
                Assert.True(ReportChecker.AllowsSubmission(findings),
                    $"{agency.Name} {year}: " + string.Join("; ", findings.Where(f => f.Severity == FindingSeverity.Error)));
                Assert.Equal(0, record.ErrorCount);
                Assert.DoesNotContain(findings, f => f.Rule is "carry-over" or "item-count-carry" or "in-force-count");
                warnings.AddRange(findings.Select(f => $"{agency.Code} {year}: {f}"));
                Assert.All(ReportText.Keys, key => Assert.False(string.IsNullOrWhiteSpace(report.Text[key]), $"{agency.Name} {year} 第{key}部分为空"));
                Assert.Contains("演示数据", report.Text["一"], StringComparison.Ordinal);
            }
        }
        TestContext.Current.SendDiagnosticMessage($"demo reports on {provider}: {records.Count} reports, {warnings.Count} warnings" +
            string.Concat(warnings.Select(w => "\n  " + w)));

        // Realistic, not empty: the county's reports count applications and appeals, with a carry-over somewhere.
        var county = agencies.Values.Single(a => a.Code == DemoCounty.CountyCode);
        var countyReports = years.Select(y => reports[(county.Id, y)].Report).ToList();
        Assert.All(countyReports, r => Assert.True(r.Applications["一"][6] > 0, $"{r.Year}: no application received"));
        Assert.Contains(reports.Values, r => r.Report.Applications["二"][6] > 0);
        Assert.Contains(reports.Values, r => r.Report.ReviewLitigation[4] > 0);
        Assert.Contains(reports.Values, r => r.Report.Applications["一"].Take(6).Skip(1).Any(n => n > 0));
    }

    [Theory, BothDatabases]
    public async Task DemoLoad_TheCountysReport_CarriesLastYearsOpenApplicationsOver(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.RunAsync(database, "demo", "load", "--items-per-agency", "5")).ExitCode);

        var reports = await GongkaiCli.QueryAsync(database, async db =>
        {
            var county = await db.Agencies.SingleAsync(a => a.Code == DemoCounty.CountyCode, Ct);
            return await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == county.Id && (r.Year == 2020 || r.Year == 2021))
                .ToDictionaryAsync(r => r.Year, r => AnnualReportJson.Read(r.ModelJson), Ct);
        });

        // 2021's 二、上年结转政府信息公开申请数量 is 2020's 四、结转下年度继续办理, column by column, across the change of template.
        Assert.True(reports[2020].Applications["四"][6] > 0, "the county carried nothing over from 2020");
        Assert.Equal(reports[2020].Applications["四"], reports[2021].Applications["二"]);
        Assert.Equal("2019", reports[2020].Template.Code);
        Assert.Equal("2021", reports[2021].Template.Code);
    }
}
