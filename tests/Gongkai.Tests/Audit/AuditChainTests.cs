using Gongkai.Application.Audit;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Audit;

/// <summary>
/// The audit log is a hash chain: a change made directly in the database, past the append-only triggers, is found by
/// <c>gongkai audit verify</c>, which names the first broken link.
/// </summary>
public sealed class AuditChainTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A platform with a few audited actions: setup, agency, staff, drafts.</summary>
    private async Task<TestApp> AuditedAppAsync(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        for (var n = 1; n <= 3; n++)
        {
            await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id, $"第{n}号通知"));
        }
        return app;
    }

    /// <summary>What someone with database access can do: the triggers gone, then SQL.</summary>
    private static Task TamperAsync(TestApp app, string sql) => app.WithDbAsync(async db =>
    {
        var dropGuards = db.IsPostgres
            ? """ALTER TABLE "AuditEntries" DISABLE TRIGGER audit_no_update"""
            : """DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete""";
        await db.Database.ExecuteSqlRawAsync(dropGuards, Ct);
        return await db.Database.ExecuteSqlRawAsync(sql, Ct);
    });

    private static Task<AuditChainReport> VerifyAsync(TestApp app) => app.WithDbAsync(db => AuditChainVerifier.VerifyAsync(db, Ct));

    [Theory, BothDatabases]
    public async Task EveryEntry_IsNumberedAndLinkedToThePreviousOne(DatabaseProvider provider)
    {
        await using var app = await AuditedAppAsync(provider);

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync(Ct));
        var report = await VerifyAsync(app);

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Seq));
        Assert.Equal(AuditChain.Genesis, entries[0].PrevHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PrevHash));
        Assert.Equal(entries[^1].Hash, report.HeadHash);
    }

    [Theory, BothDatabases]
    public async Task ConcurrentActions_AppendToOneChainWithoutForking(DatabaseProvider provider)
    {
        await using var app = await AuditedAppAsync(provider);
        var agency = await app.WithDbAsync(db => db.Agencies.SingleAsync(Ct));
        var editor = await app.AddStaffAsync("editor2", agency.Id, Roles.Editor);
        var input = await app.ValidInputAsync(agency.Id);
        var drafts = new List<long>();
        for (var n = 1; n <= 12; n++)
        {
            drafts.Add((await app.DraftAsync(editor, input with { Title = $"待提交{n}" })).Id);
        }

        // Twelve submissions at once, each audited in its own transaction.
        await Task.WhenAll(drafts.Select(id => app.WithItemsAsync(s => s.SubmitAsync(editor, id, Ct))));

        var report = await VerifyAsync(app);
        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(await app.WithDbAsync(db => db.AuditEntries.LongCountAsync(Ct)), report.Checked);
    }

    [Theory, BothDatabases]
    public async Task AnEntryUpdatedInTheDatabase_BreaksTheChainAtThatEntry(DatabaseProvider provider)
    {
        await using var app = await AuditedAppAsync(provider);

        await TamperAsync(app, """UPDATE "AuditEntries" SET "Detail" = '篡改' WHERE "Seq" = 4""");

        var report = await VerifyAsync(app);
        Assert.False(report.IsIntact);
        Assert.Equal(4, report.BrokenAtSeq);
        Assert.Contains("被修改", report.Problem, StringComparison.Ordinal);
        Assert.Equal(3, report.Checked);
    }

    [Theory, BothDatabases]
    public async Task AnEntryDeleted_IsAGapInTheChain(DatabaseProvider provider)
    {
        await using var app = await AuditedAppAsync(provider);

        await TamperAsync(app, """DELETE FROM "AuditEntries" WHERE "Seq" = 2""");

        var report = await VerifyAsync(app);
        Assert.Equal(2, report.BrokenAtSeq);
        Assert.Contains("缺失", report.Problem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task TheLogEmptied_IsFoundAgainstTheHead(DatabaseProvider provider)
    {
        await using var app = await AuditedAppAsync(provider);

        // TRUNCATE passes the row triggers on PostgreSQL; SQLite has only DELETE.
        await TamperAsync(app, provider == DatabaseProvider.Postgres ? """TRUNCATE "AuditEntries" """ : """DELETE FROM "AuditEntries" """);

        var report = await VerifyAsync(app);
        Assert.Equal(1, report.BrokenAtSeq);
        Assert.Contains("被删除或清空", report.Problem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AnEntryDeletedAndInsertedAgainWithOtherContent_BreaksTheChain(DatabaseProvider provider)
    {
        await using var app = await AuditedAppAsync(provider);
        var original = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Seq == 3, Ct));

        await TamperAsync(app, """DELETE FROM "AuditEntries" WHERE "Seq" = 3""");
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEntries" ("At", "UserId", "UserName", "AgencyId", "Action", "EntityType", "EntityId", "Detail", "IpAddress", "Seq", "PrevHash", "Hash")
            VALUES ({original.At}, {original.UserId}, {"他人"}, {original.AgencyId}, {original.Action}, {original.EntityType}, {original.EntityId}, {original.Detail}, {original.IpAddress}, {original.Seq}, {original.PrevHash}, {original.Hash})
            """, Ct));

        var report = await VerifyAsync(app);
        Assert.Equal(3, report.BrokenAtSeq);
    }

    [Theory, BothDatabases]
    public async Task AuditVerifyCommand_SaysIntactOrNamesTheFirstBrokenLink(DatabaseProvider provider)
    {
        await using var app = await AuditedAppAsync(provider);

        var intact = await GongkaiCli.RunAsync(app.Database, "audit", "verify");
        await TamperAsync(app, """UPDATE "AuditEntries" SET "UserName" = '他人' WHERE "Seq" = 5""");
        var broken = await GongkaiCli.RunAsync(app.Database, "audit", "verify");

        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains("审计日志完整", intact.Out, StringComparison.Ordinal);
        Assert.True(broken.ExitCode == 4, broken.ToString());
        Assert.Contains("第 5 条处断开", broken.Out, StringComparison.Ordinal);
    }
}
