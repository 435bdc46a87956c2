using Gongkai.Application.Accounts;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cli;

/// <summary><c>gongkai bench seed</c> and <c>bench seed-requests</c>: exactly the requested data set, only into an empty database unless forced.</summary>
public sealed class BenchCommandTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task BenchSeed_OnEmptyDatabase_CreatesExactlyTheRequestedPublishedData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var result = await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "5", "--items", "2000");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (agencies, items, published, distinctKeys, distinctIndexNos, badColumns) = await GongkaiCli.QueryAsync(database, async db =>
        {
            var a = await db.Agencies.CountAsync(Ct);
            var i = await db.Items.CountAsync(Ct);
            var p = await db.Items.CountAsync(x => x.Status == ItemStatus.Published && x.PublishedOn != null, Ct);
            var keys = await db.Items.Select(x => new { x.AgencyId, x.Year, x.Serial }).Distinct().CountAsync(Ct);
            var idx = await db.Items.Select(x => x.IndexNo).Distinct().CountAsync(Ct);
            var bad = await db.Items.CountAsync(x => db.Columns.Any(c => c.Id == x.ColumnId && c.AgencyId != x.AgencyId), Ct);
            return (a, i, p, keys, idx, bad);
        });
        Assert.Equal(5, agencies);
        Assert.Equal(2000, items);
        Assert.Equal(2000, published);
        Assert.Equal(2000, distinctKeys);
        Assert.Equal(2000, distinctIndexNos);
        Assert.Equal(0, badColumns);
    }

    [Theory, BothDatabases]
    public async Task BenchSeed_RerunWithoutForce_IsRefusedAndAddsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "3", "--items", "50")).ExitCode);

        var again = await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "3", "--items", "50");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("基准测试数据只写入空库", again.Error, StringComparison.Ordinal);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.Equal(3, await GongkaiCli.QueryAsync(database, db => db.Agencies.CountAsync(Ct)));
        Assert.Equal(50, await GongkaiCli.QueryAsync(database, db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task BenchSeed_RerunWithForce_AppendsASecondDataSet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "3", "--items", "50")).ExitCode);

        var again = await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "3", "--items", "50", "--force");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(6, await GongkaiCli.QueryAsync(database, db => db.Agencies.CountAsync(Ct)));
        Assert.Equal(100, await GongkaiCli.QueryAsync(database, db => db.Items.Select(x => new { x.AgencyId, x.Year, x.Serial }).Distinct().CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task BenchSeed_WithBadArguments_FailsWithAMessageAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var negativeItems = await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "5", "--items", "-1");
        var noAgencies = await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "0", "--items", "10");
        var notANumber = await GongkaiCli.RunAsync(database, "bench", "seed", "--agencies", "many", "--items", "10");
        var missing = await GongkaiCli.RunAsync(database, "bench", "seed", "--items", "10");

        Assert.Equal(1, negativeItems.ExitCode);
        Assert.Contains("--items 应在 0 到 50000000 之间。", negativeItems.Error, StringComparison.Ordinal);
        Assert.Equal(1, noAgencies.ExitCode);
        Assert.Contains("--agencies 应在 2 到 100000 之间。", noAgencies.Error, StringComparison.Ordinal);
        Assert.Equal(2, notANumber.ExitCode);
        Assert.Contains("参数错误", notANumber.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--agencies", missing.Error, StringComparison.Ordinal);
        foreach (var r in new[] { negativeItems, noAgencies, notANumber, missing })
        {
            Assert.Empty(r.Out);
        }
        // Argument checks come before the database is touched.
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource));
        }
    }

    [Theory, BothDatabases]
    public async Task BenchSeedRequests_WritesTheRequestedCases_WhoseApplicantDataTheWebHostDecrypts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);

        var result = await GongkaiCli.RunAsync(app.Database, "bench", "seed-requests", "--agencies", "5", "--cases", "3000");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (cases, running, pausedWithoutPause) = await app.WithDbAsync(async db => (
            await db.Requests.CountAsync(Ct),
            await db.Requests.CountAsync(r => r.ClockRunning && r.DueOn != null, Ct),
            await db.Requests.CountAsync(r => (r.State == Domain.Requests.RequestState.ThirdPartyConsultation
                || r.State == Domain.Requests.RequestState.InterAgencyConsultation || r.State == Domain.Requests.RequestState.AwaitingPayment)
                && !db.RequestPauses.Any(p => p.RequestId == r.Id && p.To == null), Ct)));
        Assert.Equal(3000, cases);
        Assert.InRange(running, 1, 3000);
        Assert.Equal(0, pausedWithoutPause);
        // The CLI encrypts with the key ring in the database under the platform's one application name; the web host reads it.
        var first = await app.WithDbAsync(db => db.Requests.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Ct));
        var personal = await app.WithPrivacyAsync(s => s.ViewPersonalDataAsync(StaffContext.System(), first, Ct));
        Assert.Equal("测试申请人", personal.Name);
    }
}
