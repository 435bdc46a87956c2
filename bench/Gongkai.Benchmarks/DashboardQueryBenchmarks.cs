using BenchmarkDotNet.Attributes;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Requests;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Benchmarks;

public enum DashboardDatabase
{
    SQLite,
    PostgreSQL,
}

public enum DashboardView
{
    /// <summary>Staff of one agency (the busiest one): their own cases.</summary>
    OneAgency,

    /// <summary>The platform root's supervisor: every agency under it (all 500).</summary>
    Supervisor,
}

/// <summary>
/// The deadline dashboard (/staff/requests/deadlines → <see cref="RequestQueries.DeadlinesAsync"/>, the real Application
/// code with a fresh scope and DbContext per call, as per request) over 1,000,000 cases in 500 agencies, each database
/// with and without the dashboard's indexes. Databases come from <c>gongkai bench seed-requests</c>; the baselines are
/// copies with <see cref="BaselineIndexes"/> dropped (see <c>bench/requests/run.sh</c>). Connection strings:
/// GONGKAI_BENCH_SQLITE, GONGKAI_BENCH_SQLITE_NOINDEX, GONGKAI_BENCH_PG, GONGKAI_BENCH_PG_NOINDEX — all four required.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class DashboardQueryBenchmarks
{
    private ServiceProvider _indexed = null!;
    private ServiceProvider _baseline = null!;
    private StaffContext _actor = null!;

    [Params(DashboardDatabase.SQLite, DashboardDatabase.PostgreSQL)]
    public DashboardDatabase Database { get; set; }

    [Params(DashboardView.OneAgency, DashboardView.Supervisor)]
    public DashboardView View { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (indexed, baseline) = Database == DashboardDatabase.SQLite
            ? (Required("GONGKAI_BENCH_SQLITE"), Required("GONGKAI_BENCH_SQLITE_NOINDEX"))
            : (Required("GONGKAI_BENCH_PG"), Required("GONGKAI_BENCH_PG_NOINDEX"));
        _indexed = Services(indexed);
        _baseline = Services(baseline);
        _actor = Actor(_indexed);
        // A baseline that still has the indexes (or an "indexed" database without them) would make the ratio meaningless.
        CheckIndexes(_indexed, expectPresent: true);
        CheckIndexes(_baseline, expectPresent: false);
        // Same data on both sides: same running-case count.
        var a = Dashboard(_indexed).GetAwaiter().GetResult();
        var b = Dashboard(_baseline).GetAwaiter().GetResult();
        if (a.Overdue.Count != b.Overdue.Count || a.DueSoon.Count != b.DueSoon.Count || a.ByAgency.Sum(x => x.Running) != b.ByAgency.Sum(x => x.Running))
        {
            throw new InvalidOperationException("The baseline database does not hold the same cases as the indexed one.");
        }
        Console.WriteLine($"// {Database} {View}: {a.ByAgency.Count} agencies, {a.ByAgency.Sum(x => x.Running)} running, {a.Overdue.Count} overdue rows, {a.DueSoon.Count} due-soon rows, {a.Unconfirmed.Count} unconfirmed, carried {a.CarriedOverIntoThisYear}");
    }

    /// <summary>Supervisor: of the platform root (sees all agencies). One agency: staff of the agency with most running cases.</summary>
    private StaffContext Actor(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        db.AgencyScope.ActAsSystem();
        var root = db.Agencies.AsNoTracking().Where(a => a.ParentId == null && a.Code.StartsWith("BENCH")).OrderBy(a => a.Id).FirstOrDefault()
            ?? throw new InvalidOperationException("No benchmark agencies: run `gongkai bench seed-requests` first.");
        if (View == DashboardView.Supervisor)
        {
            return new StaffContext("bench", "基准测试", root.Id, new HashSet<string> { StaffRole.Supervisor }, null);
        }
        var busiest = db.Requests.AsNoTracking().Where(r => r.ClockRunning).GroupBy(r => r.AgencyId)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).First().Key;
        return new StaffContext("bench", "基准测试", busiest, new HashSet<string> { StaffRole.Editor }, null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _indexed.Dispose();
        _baseline.Dispose();
    }

    [Benchmark(Baseline = true, Description = "without dashboard indexes")]
    public Task<DeadlineDashboard> WithoutIndexes() => Dashboard(_baseline);

    [Benchmark(Description = "with indexes")]
    public Task<DeadlineDashboard> WithIndexes() => Dashboard(_indexed);

    private async Task<DeadlineDashboard> Dashboard(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        // As the web host does per request: the actor's agency scope first, so the query filter is measured too.
        await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().ActAsAsync(_actor);
        return await scope.ServiceProvider.GetRequiredService<RequestQueries>().DeadlinesAsync(_actor, null);
    }

    /// <summary>Every secondary (non-unique) index of the Requests table in the EF model: what the baseline drops.</summary>
    public static IReadOnlyList<string> BaselineIndexes(GongkaiDbContext db) =>
        [.. db.Model.FindEntityType(typeof(RequestRecord))!.GetIndexes().Where(i => !i.IsUnique).Select(i => i.GetDatabaseName()!)];

    /// <summary>Drops <see cref="BaselineIndexes"/> in the database at <paramref name="connectionString"/> (a copy made for the baseline).</summary>
    public static void DropIndexes(string connectionString)
    {
        using var services = Services(connectionString);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        foreach (var name in BaselineIndexes(db))
        {
            // Index names come from the EF model, not from input.
#pragma warning disable EF1002
            db.Database.ExecuteSqlRaw($"DROP INDEX IF EXISTS \"{name}\"");
#pragma warning restore EF1002
            Console.WriteLine($"dropped {name}");
        }
    }

    /// <summary>
    /// Brings the Requests indexes of a seeded database in line with the current EF model (EnsureCreated never changes an
    /// existing schema): creates the model's missing ones, drops IX_Requests_* the model no longer has. So a cached 1M-case
    /// database can be re-measured after an index change without seeding again.
    /// </summary>
    public static void SyncIndexes(string connectionString)
    {
        using var services = Services(connectionString);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var present = PresentIndexes(db);
        var model = db.Model.FindEntityType(typeof(RequestRecord))!.GetIndexes().Select(i => i.GetDatabaseName()!).ToHashSet();
        foreach (var stale in present.Where(n => n.StartsWith("IX_Requests_", StringComparison.Ordinal) && !model.Contains(n)))
        {
#pragma warning disable EF1002 // names come from the database catalogue and the EF model, not from input
            db.Database.ExecuteSqlRaw($"DROP INDEX \"{stale}\"");
            Console.WriteLine($"dropped {stale}");
        }
        // The provider's own CREATE INDEX statements (filters and all), from the full create script.
        var statements = db.Database.GenerateCreateScript().Split(';').Select(s => s.Trim())
            .Where(s => s.StartsWith("CREATE", StringComparison.Ordinal) && s.Contains("INDEX", StringComparison.Ordinal) && s.Contains("ON \"Requests\"", StringComparison.Ordinal));
        foreach (var statement in statements)
        {
            var name = statement.Split('"')[1];
            if (!present.Contains(name))
            {
                db.Database.ExecuteSqlRaw(statement);
                Console.WriteLine($"created {name}");
            }
        }
#pragma warning restore EF1002
        db.Database.ExecuteSqlRaw("ANALYZE");
    }

    private static HashSet<string> PresentIndexes(GongkaiDbContext db) =>
        db.Database.SqlQueryRaw<string>(db.IsPostgres
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'Requests'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Requests'").ToHashSet();

    private static void CheckIndexes(ServiceProvider services, bool expectPresent)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var present = PresentIndexes(db);
        var wanted = BaselineIndexes(db);
        var wrong = wanted.Where(n => present.Contains(n) != expectPresent).ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException($"{db.Database.GetDbConnection().DataSource}: index(es) {string.Join(", ", wrong)} should be {(expectPresent ? "present" : "dropped")}.");
        }
    }

    /// <summary>Runs both dashboard views once (warm) and once more with every SQL command and its time printed.</summary>
    public static async Task TraceAsync(string connectionString)
    {
        foreach (var view in Enum.GetValues<DashboardView>())
        {
            var bench = new DashboardQueryBenchmarks { View = view };
            using var services = Services(connectionString);
            bench._actor = bench.Actor(services);
            await bench.Dashboard(services);
            using var traced = Services(connectionString, trace: true);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Console.WriteLine($"==== {view}");
            await bench.Dashboard(traced);
            Console.WriteLine($"==== {view}: {watch.Elapsed.TotalMilliseconds:0.0} ms in all");
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException($"Environment variable {name} is not set: the dashboard benchmark needs both SQLite and PostgreSQL (see bench/requests/run.sh).");

    private static ServiceProvider Services(string connectionString, bool trace = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Gongkai"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (trace)
            {
                b.AddProvider(new SqlTraceProvider());
            }
        });
        services.AddGongkai(configuration);
        return services.BuildServiceProvider();
    }
}
