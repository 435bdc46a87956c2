using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cli;

/// <summary><c>gongkai admin create</c>: administrators, only on a platform that has been set up.</summary>
public sealed class AdminCommandTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task AdminCreate_BeforeSetup_FailsPointingToSetup(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var result = await GongkaiCli.RunAsync(database, "admin", "create", "--user", "ops", "--password", "Ops1234567x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("平台尚未初始化", result.Error, StringComparison.Ordinal);
        Assert.Contains("gongkai setup", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await GongkaiCli.QueryAsync(database, db => db.Users.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task AdminCreate_AfterSetup_CreatesPlatformAdminInTopAgency(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.SetUpAsync(database)).ExitCode);

        var result = await GongkaiCli.RunAsync(database, "admin", "create", "--user", "ops", "--password", "Ops1234567x", "--name", "运维管理员");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("已创建管理员“ops”（示例县人民政府", result.Out, StringComparison.Ordinal);
        var (agencyId, topId, roles, passwordOk) = await GongkaiCli.QueryAsync(database, async (db, users) =>
        {
            var u = await users.FindByNameAsync("ops") ?? throw new InvalidOperationException("ops not found");
            var top = await db.Agencies.Where(a => a.ParentId == null).Select(a => a.Id).SingleAsync(Ct);
            return (u.AgencyId, top, await users.GetRolesAsync(u), await users.CheckPasswordAsync(u, "Ops1234567x"));
        });
        Assert.Equal(topId, agencyId);
        Assert.Equal([StaffRole.AgencyAdmin, StaffRole.PlatformAdmin], roles.Order());
        Assert.True(passwordOk);
    }

    [Theory, BothDatabases]
    public async Task AdminCreate_WithAgency_CreatesAgencyAdminOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.SetUpAsync(database)).ExitCode);

        var result = await GongkaiCli.RunAsync(database, "admin", "create", "--user", "unit", "--password", "Unit123456x", "--agency", "000014349");
        var unknown = await GongkaiCli.RunAsync(database, "admin", "create", "--user", "nobody", "--password", "Unit123456x", "--agency", "NOPE");

        Assert.True(result.ExitCode == 0, result.ToString());
        var roles = await GongkaiCli.QueryAsync(database, async (_, users) => await users.GetRolesAsync((await users.FindByNameAsync("unit"))!));
        Assert.Equal([StaffRole.AgencyAdmin], roles);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("找不到编码为“NOPE”的单位。", unknown.Error, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AdminCreate_WithWeakPassword_IsRefusedInChinese(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.SetUpAsync(database)).ExitCode);

        var result = await GongkaiCli.RunAsync(database, "admin", "create", "--user", "weak", "--password", "short");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("密码太短（至少10位）。", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Equal(1, await GongkaiCli.QueryAsync(database, db => db.Users.CountAsync(Ct)));
    }
}
