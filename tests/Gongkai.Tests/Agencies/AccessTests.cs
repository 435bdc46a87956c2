using System.Net;
using System.Text.Json;
using Gongkai.Application;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Agencies;

/// <summary>Staff see their own agency; a supervisor (政务公开办) reads subordinates but cannot change them.</summary>
public sealed class AccessTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task OtherAgencyStaff_GetNotFoundForADraft_AsProblemJsonFromTheApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var edu = await app.AddAgencyAsync("edu", "县教育局", top.Id);
        var health = await app.AddAgencyAsync("health", "县卫健局", top.Id);
        var eduEditor = await app.AddStaffAsync("edu-editor", edu.Id, Roles.Editor);
        var healthEditor = await app.AddStaffAsync("health-editor", health.Id, Roles.Editor);
        var draft = await app.DraftAsync(eduEditor, await app.ValidInputAsync(edu.Id));

        var service = await Assert.ThrowsAsync<NotFoundException>(() => app.WithItemsAsync(s => s.LoadReadableAsync(healthEditor, draft.Id, Ct)));
        using var client = app.Client(await app.IssueTokenAsync(healthEditor));
        using var response = await client.GetAsync($"/api/v1/staff/items/{draft.Id}", Ct);
        using var missing = await client.GetAsync("/api/v1/staff/items/999999", Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal("找不到该信息，或您无权查看。", service.Message);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("找不到该信息，或您无权查看。", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(draft.Title, problem.ToString(), StringComparison.Ordinal);
        // A draft of another agency and a record that does not exist are indistinguishable.
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var missingProblem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(problem.GetProperty("detail").GetString(), missingProblem.GetProperty("detail").GetString());
    }

    [Theory, BothDatabases]
    public async Task SupervisorOfParentAgency_CanReadButNotChangeASubordinatesItem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var edu = await app.AddAgencyAsync("edu", "县教育局", top.Id);
        var school = await app.AddAgencyAsync("school", "县第一中学", edu.Id);
        var supervisor = await app.AddStaffAsync("gongkaiban", top.Id, Roles.Supervisor);
        var schoolEditor = await app.AddStaffAsync("school-editor", school.Id, Roles.Editor);
        var input = await app.ValidInputAsync(school.Id, "学校收费公示");
        var item = await app.DraftAsync(schoolEditor, input);

        var read = await app.WithItemsAsync(s => s.LoadReadableAsync(supervisor, item.Id, Ct));
        var update = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.WithItemsAsync(s => s.UpdateAsync(supervisor, item.Id, input with { Title = "被上级改过" }, null, Ct)));
        var submit = await Assert.ThrowsAsync<ForbiddenException>(() => app.WithItemsAsync(s => s.SubmitAsync(supervisor, item.Id, Ct)));

        Assert.Equal("学校收费公示", read.Title);
        Assert.Equal("您只能修改本单位的记录；上级监督单位对下级单位只读。", update.Message);
        Assert.Equal(update.Message, submit.Message);
        Assert.Equal("学校收费公示", await app.WithDbAsync(db => db.Items.Select(i => i.Title).SingleAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task Supervisor_CannotReadASiblingOrParentAgencysItem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var edu = await app.AddAgencyAsync("edu", "县教育局", top.Id);
        var health = await app.AddAgencyAsync("health", "县卫健局", top.Id);
        var eduSupervisor = await app.AddStaffAsync("edu-supervisor", edu.Id, Roles.Supervisor);
        var topEditor = await app.AddStaffAsync("top-editor", top.Id, Roles.Editor);
        var healthEditor = await app.AddStaffAsync("health-editor", health.Id, Roles.Editor);
        var topItem = await app.DraftAsync(topEditor, await app.ValidInputAsync(top.Id));
        var healthItem = await app.DraftAsync(healthEditor, await app.ValidInputAsync(health.Id));

        await Assert.ThrowsAsync<NotFoundException>(() => app.WithItemsAsync(s => s.LoadReadableAsync(eduSupervisor, topItem.Id, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.WithItemsAsync(s => s.LoadReadableAsync(eduSupervisor, healthItem.Id, Ct)));
    }
}
