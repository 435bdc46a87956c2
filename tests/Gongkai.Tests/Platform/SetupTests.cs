using Gongkai.Application;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform;

public sealed class SetupTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task Setup_OnEmptyDatabase_CreatesAdminTopAgencyAndStandardColumnTree(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);

        var agency = await app.SetUpAsync("000014349", "示例县人民政府");

        Assert.Equal("000014349", agency.Code);
        Assert.Null(agency.ParentId);
        var (admin, roles, columns, settings) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Gongkai.Application.Data.GongkaiDbContext>();
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Gongkai.Application.Accounts.StaffUser>>();
            var a = await db.Users.SingleAsync(Ct);
            var r = await users.GetRolesAsync(a);
            var c = await db.Columns.Where(c => c.AgencyId == agency.Id).ToListAsync(Ct);
            var s = await db.PlatformSettings.SingleAsync(Ct);
            return (a, r, c, s);
        });
        Assert.Equal("admin", admin.UserName);
        Assert.Equal(agency.Id, admin.AgencyId);
        Assert.Contains(StaffRole.PlatformAdmin, roles);
        Assert.Contains(StaffRole.AgencyAdmin, roles);
        Assert.Equal(StandardColumns.For(AgencyKind.Government).Count, columns.Count);
        var statutory = columns.Single(c => c.Key == StandardColumns.Statutory);
        var art20 = columns.Where(c => c.ParentId == statutory.Id && c.Key.StartsWith("art20-", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, art20.Count);
        Assert.All(columns, c => Assert.True(c.IsStandard));
        Assert.Contains(columns, c => c.Key == StandardColumns.Guide && c.ParentId == null);
        Assert.Equal("示例县政府信息公开平台", settings.PlatformName);
        Assert.Equal(app.Clock.GetCurrentInstant().ToDateTimeUtc(), settings.SetupCompletedAt);
        Assert.Equal(IndexNumberFormat.Default, settings.IndexNoFormat);
    }

    [Theory, BothDatabases]
    public async Task Setup_RunTwice_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync("000014349");

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => app.InScopeAsync(sp =>
            sp.GetRequiredService<PlatformSetupService>().SetUpAsync(
                new SetupInput("另一个平台", "999", "另一个政府", AgencyKind.Government, "admin2", "管理员2", TestApp.AdminPassword), Ct)));

        Assert.Equal("平台已完成初始化，不能重复设置。", ex.Message);
        Assert.Equal(1, await app.WithDbAsync(db => db.Agencies.CountAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Setup_WithWeakPassword_SavesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => app.InScopeAsync(sp =>
            sp.GetRequiredService<PlatformSetupService>().SetUpAsync(
                new SetupInput("平台", "000014349", "示例县人民政府", AgencyKind.Government, "admin", "管理员", "short"), Ct)));

        Assert.Contains("密码太短（至少10位）。", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Agencies.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Columns.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<PlatformSetupService>().IsSetUpAsync(Ct)));
    }
}
