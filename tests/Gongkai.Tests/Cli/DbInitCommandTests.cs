using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cli;

/// <summary><c>gongkai db init</c>: the schema and the staff roles, idempotently.</summary>
public sealed class DbInitCommandTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task DbInit_OnEmptyDatabase_CreatesSchemaAndRoles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);

        var result = await GongkaiCli.RunAsync(database, "db", "init");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("数据库已就绪", result.Out, StringComparison.Ordinal);
        Assert.Contains("0 个单位，0 条信息", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
        var roles = await GongkaiCli.QueryAsync(database, db => db.Roles.Select(r => r.Name).ToListAsync(Ct));
        Assert.Contains(StaffRole.PlatformAdmin, roles);
        Assert.Contains(StaffRole.Editor, roles);
        Assert.Equal(0, await GongkaiCli.QueryAsync(database, db => db.Agencies.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task DbInit_RunTwiceAndAfterSetup_IsHarmless(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        Assert.Equal(0, (await GongkaiCli.RunAsync(database, "db", "init")).ExitCode);
        Assert.Equal(0, (await GongkaiCli.SetUpAsync(database)).ExitCode);
        var rolesBefore = await GongkaiCli.QueryAsync(database, db => db.Roles.CountAsync(Ct));

        var again = await GongkaiCli.RunAsync(database, "db", "init");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("1 个单位，0 条信息", again.Out, StringComparison.Ordinal);
        Assert.Equal(rolesBefore, await GongkaiCli.QueryAsync(database, db => db.Roles.CountAsync(Ct)));
        Assert.Equal(1, await GongkaiCli.QueryAsync(database, db => db.Users.CountAsync(Ct)));
    }
}
