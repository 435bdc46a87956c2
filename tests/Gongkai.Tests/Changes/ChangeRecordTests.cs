using Gongkai.Application.Catalog;
using Gongkai.Application.Changes;
using Gongkai.Application.Data;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Changes;

/// <summary>Every change to public content writes a change record, in the same transaction as the change.</summary>
public sealed class ChangeRecordTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<List<ChangeRecord>> RecordsAsync(TestApp app) =>
        app.WithDbAsync(db => db.ChangeRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct));

    [Theory, BothDatabases]
    public async Task Publishing_Revising_AndWithdrawing_EachWriteARecordNamingTheAgencyAndColumn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var editor = await app.AddStaffAsync("editor", agency.Id, Roles.Editor);
        var reviewer = await app.AddStaffAsync("reviewer", agency.Id, Roles.Reviewer);
        var before = (await RecordsAsync(app)).Count;

        var draft = await app.DraftAsync(editor, await app.ValidInputAsync(agency.Id));
        Assert.Equal(before, (await RecordsAsync(app)).Count); // a draft is not public
        await app.WithItemsAsync(s => s.SubmitAsync(editor, draft.Id, Ct));
        var item = await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, draft.Id, secrecyReviewed: true, "同意", Ct));
        // Editing a published item takes it off the portal until approved again; it left from the column it was in.
        var moved = await app.ValidInputAsync(agency.Id, "关于做好2025年春耕生产工作的通知（修订）") with
        {
            ColumnId = await app.ColumnIdAsync(agency.Id, "art20-01"),
        };
        await app.WithItemsAsync(s => s.UpdateAsync(editor, item.Id, moved, ct: Ct));
        await app.WithItemsAsync(s => s.SubmitAsync(editor, item.Id, Ct));
        await app.WithItemsAsync(s => s.ApproveLatestAsync(reviewer, item.Id, secrecyReviewed: true, "同意", Ct));
        await app.WithItemsAsync(s => s.WithdrawAsync(reviewer, item.Id, "内容有误", Ct));

        var records = (await RecordsAsync(app)).Skip(before).ToList();
        Assert.Equal(
            [(ChangeKind.Published, "art20-11"), (ChangeKind.Withdrawn, "art20-11"), (ChangeKind.Revised, "art20-01"), (ChangeKind.Withdrawn, "art20-01")],
            records.Select(r => (r.Kind, r.ColumnKey)));
        Assert.All(records, r =>
        {
            Assert.Equal("Item", r.EntityType);
            Assert.Equal(item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.EntityId);
            Assert.Equal(agency.Code, r.AgencyCode);
        });
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Id < p.Second.Id));
    }

    [Theory, BothDatabases]
    public async Task Agencies_AndColumns_WriteRecords(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var county = await app.SetUpAsync();
        var department = await app.AddAgencyAsync("SLX-D01", "示例县教育局", county.Id);
        var admin = await app.AdminAsync();
        var statutory = await app.ColumnIdAsync(department.Id, Gongkai.Domain.Catalog.StandardColumns.Statutory);
        await app.InScopeAsync(sp => sp.GetRequiredService<Gongkai.Application.Agencies.AgencyService>()
            .AddColumnAsync(admin, department.Id, statutory, "jc-school", "学校招生", Ct));

        var records = await RecordsAsync(app);
        Assert.Equal(
            [(ChangeKind.AgencyCreated, county.Code, (string?)null), (ChangeKind.AgencyCreated, "SLX-D01", null), (ChangeKind.ColumnCreated, "SLX-D01", "jc-school")],
            records.Select(r => (r.Kind, r.AgencyCode!, r.ColumnKey)));
    }

    [Theory, BothDatabases]
    public async Task AFailingSave_LeavesNeitherTheChangeNorItsRecord(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var before = (await RecordsAsync(app)).Count;

        // A column whose key the agency already has: the unique index refuses the insert, in the same SaveChanges as the record.
        var failure = await Record.ExceptionAsync(() => app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GongkaiDbContext>();
            var column = new Column { AgencyId = agency.Id, Key = "art20-11", Name = "重复栏目" };
            db.Columns.Add(column);
            sp.GetRequiredService<ChangeFeed>().Column(ChangeKind.ColumnCreated, agency, column);
            await db.SaveChangesAsync(Ct);
        }));

        Assert.IsType<DbUpdateException>(failure);
        Assert.Equal(before, (await RecordsAsync(app)).Count);
        Assert.False(await app.WithDbAsync(db => db.Columns.AnyAsync(c => c.Name == "重复栏目", Ct)));
        // The failed writer let go of the feed: the next one is not kept waiting (PostgreSQL's advisory lock is released).
        var next = await app.AddAgencyAsync("SLX-D02", "示例县民政局", agency.Id).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("SLX-D02", (await RecordsAsync(app)).Last().AgencyCode);
        Assert.NotNull(next);
    }

    [Theory, BothDatabases]
    public async Task ASecondWriter_WaitsForTheFirstToCommit_SoPositionsBecomeVisibleInOrder(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var head = (await RecordsAsync(app)).Last().Id;
        await using var firstScope = app.Factory.Services.CreateAsyncScope();
        var firstDb = firstScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        await using var firstTx = await firstDb.Database.BeginTransactionAsync(Ct);
        firstScope.ServiceProvider.GetRequiredService<ChangeFeed>().Reset("first");
        await firstDb.SaveChangesAsync(Ct);

        // The first writer holds its record uncommitted; the second must not get a position a reader could see before
        // it. PostgreSQL makes it wait (the feed's advisory lock); SQLite's one write lock makes it wait or refuses it.
        Task AppendSecondAsync() => app.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<ChangeFeed>().Reset("second");
            await sp.GetRequiredService<GongkaiDbContext>().SaveChangesAsync(Ct);
        });
        var second = AppendSecondAsync();
        await Task.Delay(500, Ct);
        if (provider == DatabaseProvider.Postgres || !second.IsFaulted)
        {
            Assert.False(second.IsCompleted, "The second writer appended while the first was still open.");
        }
        Assert.DoesNotContain(await RecordsAsync(app), r => r.Id > head);
        await firstTx.CommitAsync(Ct);
        if (second.IsFaulted)
        {
            Assert.Contains("database is locked", second.Exception!.ToString(), StringComparison.Ordinal);
            second = AppendSecondAsync();
        }
        await second.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(["first", "second"], (await RecordsAsync(app)).Where(r => r.Id > head).Select(r => r.EntityId));
    }
}
