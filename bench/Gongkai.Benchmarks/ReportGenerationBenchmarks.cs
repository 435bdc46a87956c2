using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Gongkai.Application;
using Gongkai.Application.Data;
using Gongkai.Application.Reports;
using Gongkai.Application.Requests;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

public enum ReportScope
{
    /// <summary>One agency's report: the agency seed.sh gave every item and 100,000 cases.</summary>
    OneAgency,

    /// <summary>The region summary of BENCH1's root: 500 agencies.</summary>
    Region500,
}

/// <summary>
/// Annual report generation (issue 10, Speed) on the data of <c>bench/reports/seed.sh</c>: the real
/// <see cref="ReportGenerator.GenerateAsync(int, int, CancellationToken)"/> (model + carried-over list) for one agency with
/// 100,000 cases and 1,000,000 items, and <see cref="RegionSummaries.SummaryAsync(int, int, CancellationToken)"/> for 500
/// agencies — each beside the naive way in the same run: for one agency, read every case, appeal and 规章/规范性文件 row and
/// count them in a loop; for the region, generate agency by agency and sum. Setup checks both sides give the same report.
/// Connection strings: GONGKAI_BENCH_REPORT_SQLITE, GONGKAI_BENCH_REPORT_PG.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class ReportGenerationBenchmarks
{
    public const int Year = 2025;

    private ServiceProvider _services = null!;
    private int _agencyId;

    [Params(DashboardDatabase.SQLite, DashboardDatabase.PostgreSQL)]
    public DashboardDatabase Database { get; set; }

    [Params(ReportScope.OneAgency, ReportScope.Region500)]
    public ReportScope Scope { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var name = Database == DashboardDatabase.SQLite ? "GONGKAI_BENCH_REPORT_SQLITE" : "GONGKAI_BENCH_REPORT_PG";
        var connection = Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException($"Environment variable {name} is not set (see bench/reports/run.sh).");
        _services = Services(connection);
        using (var scope = _services.CreateScope())
        {
            var db = Db(scope);
            // One agency: the one seed.sh gave every item; the region: the first seeded tree (BENCH1, 500 agencies).
            _agencyId = Scope == ReportScope.OneAgency
                ? db.Items.GroupBy(i => i.AgencyId).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Select(g => g.Key).FirstOrDefault()
                : db.Agencies.AsNoTracking().Where(a => a.Code == "BENCH1").Select(a => a.Id).SingleOrDefault();
            if (_agencyId == 0)
            {
                throw new InvalidOperationException("No benchmark agencies: run bench/reports/seed.sh first.");
            }
            var code = db.Agencies.Where(a => a.Id == _agencyId).Select(a => a.Code).Single();
            var cases = db.Requests.Count(r => r.AgencyId == _agencyId);
            var items = db.Items.Count(i => i.AgencyId == _agencyId);
            Console.WriteLine($"// {Database} {Scope}: agency {code}, its own cases {cases:N0}, items {items:N0}, agencies summed {(Scope == ReportScope.Region500 ? db.Agencies.Count(a => a.Code.StartsWith(code)) : 1)}");
        }
        var fast = AnnualReportJson.Write(Scope == ReportScope.OneAgency ? SetWise().GetAwaiter().GetResult() : Region().GetAwaiter().GetResult());
        var slow = AnnualReportJson.Write(Scope == ReportScope.OneAgency ? PerCase().GetAwaiter().GetResult() : PerAgency().GetAwaiter().GetResult());
        if (fast != slow)
        {
            throw new InvalidOperationException($"The baseline and the measured code disagree:\n{fast}\n{slow}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "naive loop (per case / per agency)")]
    public Task<AnnualReport> Naive() => Scope == ReportScope.OneAgency ? PerCase() : PerAgency();

    [Benchmark(Description = "set-wise (ReportGenerator / RegionSummaries)")]
    public Task<AnnualReport> SetWiseQueries() => Scope == ReportScope.OneAgency ? SetWise() : Region();

    private async Task<AnnualReport> SetWise()
    {
        await using var scope = _services.CreateAsyncScope();
        Db(scope);
        return (await scope.ServiceProvider.GetRequiredService<ReportGenerator>().GenerateAsync(_agencyId, Year)).Report;
    }

    private async Task<AnnualReport> Region()
    {
        await using var scope = _services.CreateAsyncScope();
        Db(scope);
        return (await scope.ServiceProvider.GetRequiredService<RegionSummaries>().SummaryAsync(_agencyId, Year)).Report;
    }

    /// <summary>The region the naive way: list the agencies, then one report after another, then the same sum and check.</summary>
    private async Task<AnnualReport> PerAgency()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var generator = scope.ServiceProvider.GetRequiredService<ReportGenerator>();
        var root = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == _agencyId);
        var prefix = root.Path + root.Id + "/";
        var ids = await db.Agencies.AsNoTracking().Where(a => a.Id == _agencyId || a.Path.StartsWith(prefix)).Select(a => a.Id).ToListAsync();
        var reports = new List<AnnualReport>();
        foreach (var id in ids)
        {
            reports.Add((await generator.GenerateAsync(id, Year)).Report);
        }
        var summary = ReportSummary.Sum($"{root.Name}（汇总）", Year, reports);
        summary.Findings = ReportChecker.Check(summary);
        return summary;
    }

    /// <summary>One agency the naive way: every case, appeal and document row read and counted one by one.</summary>
    private async Task<AnnualReport> PerCase()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var start = new DateOnly(Year, 1, 1);
        var end = new DateOnly(Year, 12, 31);
        var name = await db.Agencies.Where(a => a.Id == _agencyId).Select(a => a.Name).SingleAsync();
        var received = new Dictionary<ApplicantType, int>();
        var carriedIn = new Dictionary<ApplicantType, int>();
        var finished = new Dictionary<(string, ApplicantType), int>();
        var carriedOut = new Dictionary<ApplicantType, int>();
        var carriedList = new List<CarriedOverCase>();
        long fees = 0;
        await foreach (var r in db.Requests.AsNoTracking().Where(r => r.AgencyId == _agencyId)
            .Select(r => new { r.Id, r.TrackingCode, r.State, r.ApplicantType, r.ReceivedYear, r.ReceivedOn, r.FinishedOn, r.OutcomeKey, r.FeePaidOn, r.FeeAmountFen })
            .AsAsyncEnumerable())
        {
            if (r.FeePaidOn >= start && r.FeePaidOn <= end && r.FeeAmountFen is { } fen)
            {
                fees += fen;
            }
            if (r.State is null)
            {
                continue;
            }
            if (r.ReceivedYear == Year)
            {
                Add(received, r.ApplicantType);
            }
            if (r.ReceivedYear < Year && (r.FinishedOn is null || r.FinishedOn >= start))
            {
                Add(carriedIn, r.ApplicantType);
            }
            if (r.FinishedOn >= start && r.FinishedOn <= end && r.OutcomeKey is { } outcome)
            {
                Add(finished, (outcome, r.ApplicantType));
            }
            if (r.ReceivedYear <= Year && (r.FinishedOn is null || r.FinishedOn > end))
            {
                Add(carriedOut, r.ApplicantType);
                carriedList.Add(new CarriedOverCase(r.Id, r.TrackingCode, r.ApplicantType, r.ReceivedOn, r.FinishedOn));
            }
        }
        _ = carriedList.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id).Take(ReportGenerator.CarriedOverListLimit).ToList();

        var appeals = new Dictionary<(AppealKind, AppealResult), int>();
        await foreach (var a in db.RequestAppeals.AsNoTracking().Where(a => a.AgencyId == _agencyId).AsAsyncEnumerable())
        {
            if (a.FiledOn <= end && (a.ConcludedOn is null || a.ConcludedOn >= start))
            {
                Add(appeals, (a.Kind, a.ConcludedOn <= end ? a.Result : AppealResult.Pending));
            }
        }

        var documents = new Dictionary<DocumentKind, int[]>();
        await foreach (var i in db.Items.AsNoTracking().Where(i => i.AgencyId == _agencyId)
            .Select(i => new { i.Status, i.DocumentKind, i.WrittenOn, i.PublishedOn, i.Validity, i.InvalidatedOn }).AsAsyncEnumerable())
        {
            if (i.Status != ItemStatus.Published || i.DocumentKind is not (DocumentKind.Regulation or DocumentKind.NormativeDocument))
            {
                continue;
            }
            var c = documents.TryGetValue(i.DocumentKind, out var existing) ? existing : documents[i.DocumentKind] = new int[5];
            var issued = i.WrittenOn ?? i.PublishedOn;
            var ended = i.Validity is Validity.Repealed or Validity.Lapsed;
            c[0] += issued >= start && issued <= end ? 1 : 0;
            c[1] += ended && i.InvalidatedOn >= start && i.InvalidatedOn <= end ? 1 : 0;
            c[2] += issued <= end && !(ended && (i.InvalidatedOn is null || i.InvalidatedOn <= end)) ? 1 : 0;
            c[3] += i.PublishedOn >= start && i.PublishedOn <= end ? 1 : 0;
            c[4] += i.PublishedOn <= end ? 1 : 0;
        }
        var figures = new AgencyYearFigures(
            new AnnualRequestStatistics(Year, received, carriedIn, finished, carriedOut, appeals),
            documents.ToDictionary(d => d.Key, d => new CatalogDocumentFigures(d.Value[0], d.Value[1], d.Value[2], d.Value[3], d.Value[4])),
            fees);
        return ReportLayout.Build(name, Year, figures);
    }

    private static void Add<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>The console's view: the platform itself reads every agency (no staff scope to filter by).</summary>
    private static GongkaiDbContext Db(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        db.AgencyScope.ActAsSystem();
        return db;
    }

    /// <summary>In process (no generated project to build), one warm-up and five measured calls: the baselines take seconds each.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1).WithId("InProcess"));
    }

    private static ServiceProvider Services(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Gongkai"] = connectionString,
                // Throwaway benchmark data: the Data Protection key ring needs no certificate here.
                ["DataProtection:AllowUnprotectedKeys"] = "true",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkai(configuration);
        return services.BuildServiceProvider();
    }
}
