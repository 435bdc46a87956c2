using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Requests;
using Gongkai.Tests.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Security;

/// <summary>
/// The agency scope is enforced by the data layer (docs/decisions/0003-agency-scope.md): a query on any agency-owned
/// DbSet sees only the current actor's agencies, whatever the query forgets to say; the portal and background jobs
/// read everything only through a named opt-out.
/// </summary>
public sealed class AgencyScopeTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The county (top), 教育局 with its school below, and 卫健局 beside it; drafts in each, a published item and a case in 卫健局 and 教育局.</summary>
    private sealed record County(TestApp App, int Top, int Edu, int School, int Health, StaffContext EduEditor, StaffContext HealthEditor,
        StaffContext EduSupervisor, long HealthPublished, long EduCase, long HealthCase);

    private async Task<County> CountyAsync(TestApp app)
    {
        app.Today(D(2025, 3, 12));
        var top = (await app.SetUpAsync()).Id;
        var edu = (await app.AddAgencyAsync("edu", "县教育局", top)).Id;
        var school = (await app.AddAgencyAsync("school", "县第一中学", edu)).Id;
        var health = (await app.AddAgencyAsync("health", "县卫健局", top)).Id;
        var eduEditor = await app.AddStaffAsync("edu-editor", edu, Roles.Editor);
        var healthEditor = await app.AddStaffAsync("health-editor", health, Roles.Editor);
        var healthReviewer = await app.AddStaffAsync("health-reviewer", health, Roles.Reviewer);
        var schoolEditor = await app.AddStaffAsync("school-editor", school, Roles.Editor);
        var topEditor = await app.AddStaffAsync("top-editor", top, Roles.Editor);
        var eduSupervisor = await app.AddStaffAsync("edu-supervisor", edu, Roles.Supervisor);
        await app.DraftAsync(eduEditor, await app.ValidInputAsync(edu, "教育局草稿"));
        await app.DraftAsync(schoolEditor, await app.ValidInputAsync(school, "学校草稿"));
        await app.DraftAsync(topEditor, await app.ValidInputAsync(top, "县政府草稿"));
        var published = await app.PublishAsync(healthEditor, healthReviewer, await app.ValidInputAsync(health, "卫健局已发布"));
        var eduCase = await app.RegisterInPersonAsync(eduEditor);
        var healthCase = await app.RegisterInPersonAsync(healthEditor);
        return new County(app, top, edu, school, health, eduEditor, healthEditor, eduSupervisor, published.Id, eduCase.Id, healthCase.Id);
    }

    /// <summary>A fresh DI scope whose context is bound to <paramref name="actor"/> (null: nobody, as an anonymous request).</summary>
    private static async Task<T> AsAsync<T>(TestApp app, StaffContext? actor, Func<IServiceProvider, GongkaiDbContext, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        if (actor is not null)
        {
            await db.ActAsAsync(actor, Ct);
        }
        return await query(scope.ServiceProvider, db);
    }

    /// <summary>Which agencies' rows each agency-owned DbSet returns, with no WHERE clause of its own.</summary>
    private static async Task<Dictionary<string, int[]>> AgenciesSeenAsync(GongkaiDbContext db)
    {
        // Children are attributed through their parent, looked up in queries of their own: an opt-out anywhere in a query
        // lifts the filter for all of it.
        var itemAgency = await db.Items.OutsideAgencyScope(ScopeOptOut.BackgroundJob).ToDictionaryAsync(i => i.Id, i => i.AgencyId, Ct);
        var caseAgency = await db.Requests.OutsideAgencyScope(ScopeOptOut.BackgroundJob).ToDictionaryAsync(r => r.Id, r => r.AgencyId, Ct);
        return new()
        {
            ["Items"] = await Distinct(db.Items.Select(i => i.AgencyId)),
            ["Columns"] = await Distinct(db.Columns.Select(c => c.AgencyId)),
            ["Requests"] = await Distinct(db.Requests.Select(r => r.AgencyId)),
            ["Users"] = await Distinct(db.Users.Select(u => u.AgencyId)),
            ["AuditEntries"] = await Distinct(db.AuditEntries.Where(a => a.AgencyId != null).Select(a => a.AgencyId!.Value)),
            ["ItemRevisions"] = [.. (await db.ItemRevisions.Select(r => r.ItemId).ToListAsync(Ct)).Select(id => itemAgency[id]).Distinct().Order()],
            ["RequestEvents"] = [.. (await db.RequestEvents.Select(e => e.RequestId).ToListAsync(Ct)).Select(id => caseAgency[id]).Distinct().Order()],
        };
    }

    private static async Task<int[]> Distinct(IQueryable<int> q) => [.. (await q.Distinct().ToListAsync(Ct)).Order()];

    [Theory, BothDatabases]
    public async Task StaffOfOneAgency_QueryingDbSetsDirectly_SeeNoneOfAnotherAgencysRows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await CountyAsync(app);

        var seen = await AsAsync(app, c.HealthEditor, (_, db) => AgenciesSeenAsync(db));
        var foreignCase = await AsAsync(app, c.HealthEditor, (_, db) => db.Requests.FindAsync([c.EduCase], Ct).AsTask());
        var foreignEvents = await AsAsync(app, c.HealthEditor, (_, db) => db.RequestEvents.CountAsync(e => e.RequestId == c.EduCase, Ct));

        Assert.All(seen, kv => Assert.Equal([c.Health], kv.Value));
        Assert.Null(foreignCase);
        Assert.Equal(0, foreignEvents);
    }

    [Theory, BothDatabases]
    public async Task Supervisor_SeesItsSubordinatesRows_ButNotASiblingsOrItsParents(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await CountyAsync(app);

        var items = await AsAsync(app, c.EduSupervisor, (_, db) => Distinct(db.Items.Select(i => i.AgencyId)));
        var columns = await AsAsync(app, c.EduSupervisor, (_, db) => Distinct(db.Columns.Select(i => i.AgencyId)));
        var cases = await AsAsync(app, c.EduSupervisor, (_, db) => db.Requests.Select(r => r.Id).ToListAsync(Ct));
        var scope = await AsAsync(app, c.EduSupervisor, (_, db) => Task.FromResult(db.AgencyScope.VisibleAgencyIds));

        Assert.Equal([c.Edu, c.School], items);
        Assert.Equal([c.Edu, c.School], columns);
        Assert.Equal([c.EduCase], cases);
        Assert.Equal([c.Edu, c.School], scope);
    }

    [Theory, BothDatabases]
    public async Task PortalOptOut_SeesPublishedRowsOfEveryAgency_WhereAnonymousDbSetsSeeNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await CountyAsync(app);

        var (latest, direct, portalItems) = await AsAsync(app, null, async (sp, db) => (
            await sp.GetRequiredService<PortalQueries>().LatestPublishedAsync(10, Ct),
            await db.Items.CountAsync(Ct),
            await db.Items.OutsideAgencyScope(ScopeOptOut.Portal).CountAsync(Ct)));
        // Even a member of staff of another agency reads the portal the same way.
        var seenByEduEditor = await AsAsync(app, c.EduEditor, (sp, _) => sp.GetRequiredService<PortalQueries>().ItemByIdAsync(c.HealthPublished, Ct));

        Assert.Equal([c.HealthPublished], latest.Select(i => i.Id));
        Assert.Equal(0, direct);
        Assert.Equal(4, portalItems);
        Assert.Equal("卫健局已发布", seenByEduEditor?.Title);
    }

    [Theory, BothDatabases]
    public async Task BackgroundJobOptOut_SeesEveryAgency_OnlyInsideItsBlock(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await CountyAsync(app);

        var (inside, after, named) = await AsAsync(app, null, async (_, db) =>
        {
            int inside;
            IReadOnlyList<ScopeOptOut> named;
            using (db.AgencyScope.Unrestricted(ScopeOptOut.BackgroundJob))
            {
                inside = await db.Requests.CountAsync(Ct);
                named = db.AgencyScope.ActiveOptOuts;
            }
            return (inside, await db.Requests.CountAsync(Ct), named);
        });

        Assert.Equal(2, inside);
        Assert.Equal(0, after);
        Assert.Equal([ScopeOptOut.BackgroundJob], named);
    }

    [Theory, BothDatabases]
    public async Task AQueryWithoutAnActor_SeesNoAgencysRows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await CountyAsync(app);

        var seen = await AsAsync(app, null, (_, db) => AgenciesSeenAsync(db));
        var (agencies, attachments, tokens, letters) = await AsAsync(app, null, async (_, db) => (
            await db.Agencies.CountAsync(Ct), await db.Attachments.CountAsync(Ct), await db.ApiTokens.CountAsync(Ct), await db.RequestLetters.CountAsync(Ct)));

        Assert.All(seen, kv => Assert.Empty(kv.Value));
        Assert.Equal(4, agencies); // the agency tree itself is public
        Assert.Equal((0, 0, 0), (attachments, tokens, letters));
    }

    [Theory, BothDatabases]
    public async Task TheWebHost_ScopesEachRequestToTheSignedInStaff(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await CountyAsync(app);
        var schoolDraft = await app.WithDbAsync(db => db.Items.Where(i => i.AgencyId == c.School).Select(i => i.Id).SingleAsync(Ct));
        using var supervisor = app.Client(await app.IssueTokenAsync(c.EduSupervisor));

        // The subordinate school's draft is read within the supervisor's scope (an empty scope would answer 404) …
        using var own = await supervisor.GetAsync($"/api/v1/staff/items/{schoolDraft}", Ct);
        // … a sibling agency's published item is not, though the portal shows it.
        using var sibling = await supervisor.GetAsync($"/api/v1/staff/items/{c.HealthPublished}", Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, sibling.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task APolicyInterpretation_MayInterpretAnotherAgencysPublishedDocument_ButNotFindItsDrafts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await CountyAsync(app);
        var (published, draft) = await app.WithDbAsync(async db => (
            await db.Items.Where(i => i.Id == c.HealthPublished).Select(i => i.IndexNo).SingleAsync(Ct),
            await db.Items.Where(i => i.AgencyId == c.Top).Select(i => i.IndexNo).SingleAsync(Ct)));
        async Task<ItemInput> Interpretation(string indexNo) => await app.ValidInputAsync(c.Edu, "解读") with
        {
            DocumentKind = Gongkai.Domain.Catalog.DocumentKind.PolicyInterpretation,
            InterpretationForm = Gongkai.Domain.Catalog.InterpretationForm.Text,
            InterpretsIndexNo = indexNo,
        };
        var ofPublished = await Interpretation(published);
        var ofDraft = await Interpretation(draft);

        // As in a web request: the editor's scope is their agency.
        var (linked, shownIndexNo) = await AsAsync(app, c.EduEditor, async (sp, _) =>
        {
            var items = sp.GetRequiredService<ItemService>();
            var item = await items.CreateAsync(c.EduEditor, c.Edu, ofPublished, Ct);
            return (item.InterpretsId, await items.LinkedIndexNoAsync(item.InterpretsId, Ct));
        });
        var refused = await Assert.ThrowsAsync<Gongkai.Application.ValidationException>(() => AsAsync(app, c.EduEditor,
            (sp, _) => sp.GetRequiredService<ItemService>().CreateAsync(c.EduEditor, c.Edu, ofDraft, Ct)));

        Assert.Equal(c.HealthPublished, linked);
        Assert.Equal(published, shownIndexNo);
        Assert.Equal($"找不到索引号为“{draft}”的被解读文件。", refused.Errors["InterpretsIndexNo"].Single());
    }

    [Theory, BothDatabases]
    public async Task TheFilter_IsParametersOfEachQuery_NotASubqueryPerRow(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var c = await CountyAsync(app);

        // The dashboard's overdue list as a supervisor runs it (RequestQueries.DeadlinesAsync).
        var sql = await AsAsync(app, c.EduSupervisor, (_, db) =>
            Task.FromResult(db.Requests.Where(r => r.ClockRunning && r.DueOn < D(2025, 3, 12)).OrderBy(r => r.DueOn).Take(200).ToQueryString()));
        TestContext.Current.TestOutputHelper?.WriteLine(sql);
        var plan = provider == DatabaseProvider.Sqlite
            ? await AsAsync(app, c.EduSupervisor, (_, db) => SqlitePlanAsync(db))
            : "";
        TestContext.Current.TestOutputHelper?.WriteLine(plan);

        Assert.DoesNotContain("EXISTS", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"AgencyId\"", sql, StringComparison.Ordinal);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Still a range of the partial running-clock index, the filter a residual test on its rows.
            Assert.Contains("IX_Requests_Running", plan, StringComparison.Ordinal);
        }
    }

    private static async Task<string> SqlitePlanAsync(GongkaiDbContext db)
    {
        var command = db.Requests.Where(r => r.ClockRunning && r.DueOn < D(2025, 3, 12)).OrderBy(r => r.DueOn).Take(200).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(3));
        }
        return string.Join("\n", lines);
    }
}
