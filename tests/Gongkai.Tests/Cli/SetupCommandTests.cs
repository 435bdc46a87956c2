using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cli;

/// <summary><c>gongkai setup</c>: first-run setup from the command line, once only.</summary>
public sealed class SetupCommandTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Setup_OnEmptyDatabase_CreatesAdminAndStandardColumnTree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var result = await GongkaiCli.SetUpAsync(database);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("初始化完成：示例县人民政府（000014349）", result.Out, StringComparison.Ordinal);
        var (agency, admin, roles, passwordOk, columns, settings) = await GongkaiCli.QueryAsync(database, async (db, users) =>
        {
            var a = await db.Agencies.SingleAsync(Ct);
            var u = await users.FindByNameAsync("admin") ?? throw new InvalidOperationException("admin not found");
            var r = await users.GetRolesAsync(u);
            var ok = await users.CheckPasswordAsync(u, GongkaiCli.AdminPassword);
            var c = await db.Columns.Where(c => c.AgencyId == a.Id).ToListAsync(Ct);
            var s = await db.PlatformSettings.SingleAsync(Ct);
            return (a, u, r, ok, c, s);
        });
        Assert.Null(agency.ParentId);
        Assert.Equal(AgencyKind.Government, agency.Kind);
        Assert.Equal(agency.Id, admin.AgencyId);
        Assert.True(passwordOk);
        Assert.Contains(StaffRole.PlatformAdmin, roles);
        Assert.Contains(StaffRole.AgencyAdmin, roles);
        Assert.Equal(StandardColumns.For(AgencyKind.Government).Select(c => c.Key).Order(), columns.Select(c => c.Key).Order());
        Assert.Equal("示例县政府信息公开平台", settings.PlatformName);
        Assert.False(settings.IsDemo);
    }

    [Theory, BothDatabases]
    public async Task Setup_SecondTime_FailsInChineseAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.SetUpAsync(database)).ExitCode);

        var second = await GongkaiCli.SetUpAsync(database, "999999999", "另一个县人民政府");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("平台已完成初始化，不能重复设置。", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("初始化完成", second.Out, StringComparison.Ordinal);
        Assert.Equal(["000014349"], await GongkaiCli.QueryAsync(database, db => db.Agencies.Select(a => a.Code).ToListAsync(Ct)));
        Assert.Equal(1, await GongkaiCli.QueryAsync(database, db => db.Users.CountAsync(Ct)));
    }
}
