using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Audit;

/// <summary>The audit log is append-only, enforced by the database itself.</summary>
public sealed class AuditLogTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task AuditTable_RefusesUpdateAndDeleteThroughRawSql(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));
        var before = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct));

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = 'tampered'", Ct)));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct)));
        var efDelete = await Record.ExceptionAsync(() => app.WithDbAsync(db => db.AuditEntries.ExecuteDeleteAsync(Ct)));

        Assert.NotNull(update);
        Assert.Contains("audit log is append-only", update.Message, StringComparison.Ordinal);
        Assert.NotNull(delete);
        Assert.Contains("audit log is append-only", delete.Message, StringComparison.Ordinal);
        Assert.NotNull(efDelete);
        var after = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(before.Select(a => (a.Id, a.Detail)), after.Select(a => (a.Id, a.Detail)));
        Assert.Contains(after, a => a.Action == "platform.setup");
        Assert.Contains(after, a => a.Action == "agency.create");
        Assert.Contains(after, a => a.Action == "item.create" && a.UserId == editor.UserId);
    }

    [Theory, BothDatabases]
    public async Task AuditTable_StillAcceptsNewEntries(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var count = await app.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));

        await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var editor = await app.AddStaffAsync("editor2", agency.Id, Roles.Editor);
        await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));

        Assert.Equal(count + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }
}
