using Gongkai.Application.Demo;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary><c>gongkai demo load</c>: the generated 示例县, clearly marked as demo data, on an empty platform only.</summary>
public sealed class DemoLoadCommandTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task DemoLoad_OnEmptyPlatform_LoadsTheDemoCounty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await GongkaiCli.RunAsync(database, "demo", "load");

        var elapsed = started.Elapsed;
        Assert.True(result.ExitCode == 0, result.ToString());
        TestContext.Current.SendDiagnosticMessage($"demo load on {provider}: {elapsed.TotalSeconds:0.0} s");
        Assert.Contains("已载入演示数据“示例县”：46 个单位", result.Out, StringComparison.Ordinal);
        Assert.Contains(DemoCounty.AdminPassword, result.Out, StringComparison.Ordinal);

        var (agencies, settings) = await GongkaiCli.QueryAsync(database, async db =>
            (await db.Agencies.AsNoTracking().ToListAsync(Ct), await db.PlatformSettings.SingleAsync(Ct)));
        var county = Assert.Single(agencies, a => a.ParentId == null);
        Assert.Equal("示例县人民政府", county.Name);
        Assert.Equal(AgencyKind.Government, county.Kind);
        Assert.Equal(46, agencies.Count);
        Assert.Equal(30, agencies.Count(a => a.Kind == AgencyKind.Department && a.ParentId == county.Id));
        Assert.Equal(15, agencies.Count(a => a.Kind == AgencyKind.Township && a.ParentId == county.Id));
        Assert.True(settings.IsDemo);
        Assert.Contains("演示", settings.PlatformName, StringComparison.Ordinal);

        var items = await GongkaiCli.QueryAsync(database, db => db.Items.AsNoTracking()
            .Select(i => new { i.AgencyId, i.ColumnId, i.Year, i.Serial, i.IndexNo, i.Status }).ToListAsync(Ct));
        Assert.InRange(items.Count, 2000, 10_000);
        Assert.Equal(items.Count, items.Select(i => i.IndexNo).Distinct().Count());
        Assert.Equal(items.Count, items.Select(i => (i.AgencyId, i.Year, i.Serial)).Distinct().Count());
        var statuses = items.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses.Count >= 3, "statuses: " + string.Join(", ", statuses));
        Assert.True(statuses[ItemStatus.Published] > items.Count / 2);
        Assert.All(agencies, a => Assert.Contains(items, i => i.AgencyId == a.Id));

        // Every standard leaf column of the county government holds information; the 年报 column holds the published
        // annual reports instead of generated items.
        var leafKeys = StandardColumns.For(AgencyKind.Government).Select(c => c.Key)
            .Except(StandardColumns.For(AgencyKind.Government).Where(c => c.ParentKey is not null).Select(c => c.ParentKey!))
            .Except([StandardColumns.AnnualReports]).ToList();
        var countyColumns = await GongkaiCli.QueryAsync(database, db => db.Columns.Where(c => c.AgencyId == county.Id).ToDictionaryAsync(c => c.Key, c => c.Id, Ct));
        var filled = items.Where(i => i.AgencyId == county.Id).Select(i => i.ColumnId).ToHashSet();
        Assert.NotEmpty(leafKeys);
        Assert.All(leafKeys, key => Assert.True(filled.Contains(countyColumns[key]), $"no item in the county's column {key}"));
        Assert.Contains(items, i => i.ColumnId == countyColumns[StandardColumns.AnnualReports] && i.Status == ItemStatus.Published);

        // Applications in the states a clerk meets, made through the real workflow (timeline and audit included). The demo
        // uses today's date, so a case whose dates today's calendar cannot place is skipped: counts are lower bounds.
        var cases = await GongkaiCli.QueryAsync(database, async db => (
            await db.Requests.AsNoTracking().Select(r => new { r.AgencyId, r.State, r.NameMasked }).ToListAsync(Ct),
            await db.RequestAppeals.CountAsync(Ct),
            await db.RequestEvents.CountAsync(Ct)));
        // Behind them, the past years' applications of every agency (for the annual reports).
        Assert.Contains($"{cases.Item1.Count} 件政府信息公开申请", result.Out, StringComparison.Ordinal);
        Assert.InRange(cases.Item1.Count, 200, 1000);
        Assert.True(cases.Item1.Count(c => c.AgencyId == county.Id) >= 30);
        Assert.True(cases.Item1.Select(c => c.AgencyId).Distinct().Count() >= 40);
        Assert.All(cases.Item1, c => Assert.Matches("^(演|示例)", c.NameMasked));
        Assert.Contains(cases.Item1, c => c.State == Domain.Requests.RequestState.Answered);
        Assert.True(cases.Item1.Select(c => c.State).Distinct().Count() >= 5, string.Join(", ", cases.Item1.Select(c => c.State)));
        Assert.True(cases.Item2 >= 1);
        Assert.True(cases.Item3 > cases.Item1.Count);
    }

    [Theory, BothDatabases]
    public async Task DemoLoad_DemoAccounts_CanSignInWithTheirRoles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.RunAsync(database, "demo", "load", "--items-per-agency", "5")).ExitCode);

        var accounts = await GongkaiCli.QueryAsync(database, async (_, users) =>
        {
            var found = new List<(string UserName, bool PasswordOk, IList<string> Roles)>();
            foreach (var (userName, _, _) in DemoCounty.StaffAccounts)
            {
                var u = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName + " not found");
                found.Add((userName, await users.CheckPasswordAsync(u, DemoCounty.AdminPassword), await users.GetRolesAsync(u)));
            }
            return found;
        });

        Assert.Equal(4, accounts.Count);
        Assert.All(accounts, a => Assert.True(a.PasswordOk, a.UserName));
        Assert.Contains(StaffRole.PlatformAdmin, accounts.Single(a => a.UserName == DemoCounty.AdminUserName).Roles);
        Assert.Equal([StaffRole.Editor], accounts.Single(a => a.UserName == "demo-editor").Roles);
        Assert.Equal([StaffRole.Reviewer], accounts.Single(a => a.UserName == "demo-reviewer").Roles);
    }

    [Theory, BothDatabases]
    public async Task DemoLoad_Twice_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.RunAsync(database, "demo", "load", "--items-per-agency", "5")).ExitCode);
        var itemsBefore = await GongkaiCli.QueryAsync(database, db => db.Items.CountAsync(Ct));

        var again = await GongkaiCli.RunAsync(database, "demo", "load", "--items-per-agency", "5");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("平台已初始化，演示数据只能载入到空平台。", again.Error, StringComparison.Ordinal);
        Assert.Equal(46, await GongkaiCli.QueryAsync(database, db => db.Agencies.CountAsync(Ct)));
        Assert.Equal(itemsBefore, await GongkaiCli.QueryAsync(database, db => db.Items.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task DemoLoad_AfterSetup_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.SetUpAsync(database)).ExitCode);

        var result = await GongkaiCli.RunAsync(database, "demo", "load");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("演示数据只能载入到空平台", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, await GongkaiCli.QueryAsync(database, db => db.Agencies.CountAsync(Ct)));
        Assert.False(await GongkaiCli.QueryAsync(database, async db => (await db.PlatformSettings.SingleAsync(Ct)).IsDemo));
    }
}
