using System.Net;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Domain.Agencies;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Handling;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>承办人, hand-over within the agency, internal notes, and "我的申请".</summary>
public sealed class CaseHandlingTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<T> WithHandlingAsync<T>(TestApp app, Func<CaseHandling, Task<T>> action) =>
        app.InScopeAsync(sp => action(sp.GetRequiredService<CaseHandling>()));

    private static Task AssignAsync(TestApp app, StaffContext actor, long id, string userId) =>
        WithHandlingAsync(app, async h => { await h.AssignAsync(actor, id, userId, Ct); return 0; });

    [Theory, BothDatabases]
    public async Task ACase_IsAssigned_ThenHandedOver_AuditedAndInTheStaffTimelineOnly(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var colleague = await app.AddStaffAsync("colleague", agency.Id, Roles.Reviewer);
        var record = await app.RegisterInPersonAsync(clerk);

        await AssignAsync(app, clerk, record.Id, clerk.UserId);
        await AssignAsync(app, clerk, record.Id, colleague.UserId);

        var stored = await app.LoadAsync(record.Id);
        Assert.Equal(colleague.UserId, stored.HandlerId);
        Assert.Equal("colleague", stored.HandlerName);
        var events = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.RequestId == record.Id && e.Action.StartsWith("request.")
            && (e.Action == "request.assign" || e.Action == "request.handover")).OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal(["request.assign", "request.handover"], events.Select(e => e.Action));
        Assert.Equal("承办人由clerk移交给colleague。", events[1].Summary);
        Assert.All(events, e => Assert.False(e.Public));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "request.assign" || a.Action == "request.handover", Ct)));
    }

    [Theory, BothDatabases]
    public async Task AssigningOutsideTheAgency_OrToSomeoneWhoCannotHandleRequests_IsRefused_AndNothingChanges(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var other = await app.AddAgencyAsync("000014350", "示例县教育局", agency.Id);
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var foreigner = await app.AddStaffAsync("foreigner", other.Id, Roles.Editor);
        var supervisor = await app.AddStaffAsync("supervisor", agency.Id, StaffRole.Supervisor);
        var record = await app.RegisterInPersonAsync(clerk);

        var abroad = await Assert.ThrowsAsync<ValidationException>(() => AssignAsync(app, clerk, record.Id, foreigner.UserId));
        var reader = await Assert.ThrowsAsync<ValidationException>(() => AssignAsync(app, clerk, record.Id, supervisor.UserId));
        await Assert.ThrowsAnyAsync<Exception>(() => AssignAsync(app, supervisor, record.Id, clerk.UserId));

        Assert.Equal("承办人须为本单位可办理依申请公开的工作人员。", abroad.Message);
        Assert.Equal(abroad.Message, reader.Message);
        Assert.Null((await app.LoadAsync(record.Id)).HandlerId);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "request.assign", Ct)));
    }

    [Theory, BothDatabases]
    public async Task AnInternalNote_IsShownToStaffWithAuthorAndBeijingTime_NeverToTheApplicantOrInTheApi(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        // 2026-01-01T17:00Z is 01:00 on 2 January in Beijing.
        app.Clock.Set(NodaTime.Instant.FromUtc(2026, 1, 1, 17, 0));
        var created = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, Input(), app.Clock.Today, null, null, Ct));
        const string note = "申请人来电称可接受电子版，已告知答复期限。";
        await WithHandlingAsync(app, async h => { await h.AddNoteAsync(clerk, created.Record.Id, note, Ct); return 0; });
        using var staff = app.Client();
        await app.SignInAsync(staff, "clerk");
        using var citizen = app.Client();
        var token = AntiforgeryToken(await citizen.GetStringAsync("/track", Ct));

        var casePage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/staff/requests/{created.Record.Id}", Ct));
        var api = await staff.GetStringAsync($"/api/v1/staff/requests/{created.Record.Id}", Ct);
        var tracking = WebUtility.HtmlDecode(await (await citizen.PostAsync("/track", FormFields.Encoded(token, ("Code", created.Record.TrackingCode), ("Secret", created.Secret!)), Ct))
            .Content.ReadAsStringAsync(Ct));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "request.note", Ct));

        Assert.Contains(note, casePage, StringComparison.Ordinal);
        Assert.Contains("clerk <time datetime=\"2026-01-01T17:00:00Z\">2026-01-02 01:00</time>", casePage, StringComparison.Ordinal);
        Assert.Contains(created.Record.TrackingCode, tracking, StringComparison.Ordinal);
        Assert.DoesNotContain(note, tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("可接受电子版", api, StringComparison.Ordinal);
        Assert.DoesNotContain("可接受电子版", audit.Detail ?? "", StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AnEmptyNote_IsRefusedInChinese_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);

        var empty = await Assert.ThrowsAsync<ValidationException>(() => WithHandlingAsync(app, async h => { await h.AddNoteAsync(clerk, record.Id, "  ", Ct); return 0; }));
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() =>
            WithHandlingAsync(app, async h => { await h.AddNoteAsync(clerk, record.Id, new string('备', CaseHandling.MaxNoteLength + 1), Ct); return 0; }));

        Assert.Equal("请填写备注内容。", empty.Message);
        Assert.Equal("备注不能超过 2000 字。", tooLong.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<RequestNote>().CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task MyRequests_ListsOnlyTheCasesTheClerkHandles(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var colleague = await app.AddStaffAsync("colleague", agency.Id, Roles.Editor);
        var mine = await app.RegisterInPersonAsync(clerk);
        var theirs = await app.RegisterInPersonAsync(clerk);
        var nobodys = await app.RegisterInPersonAsync(clerk);
        await AssignAsync(app, clerk, mine.Id, clerk.UserId);
        await AssignAsync(app, clerk, theirs.Id, colleague.UserId);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");

        var page = await client.GetStringAsync("/staff/requests?mine=true", Ct);
        var all = await client.GetStringAsync("/staff/requests", Ct);

        Assert.Contains(mine.TrackingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.TrackingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(nobodys.TrackingCode, page, StringComparison.Ordinal);
        Assert.Contains("<td>colleague</td>", all, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task TheCasePage_HandsOverThroughItsForm_AndRedirects(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var colleague = await app.AddStaffAsync("colleague", agency.Id, Roles.Editor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var client = app.Client();
        await app.SignInAsync(client, "clerk");
        var url = $"/staff/requests/{record.Id}";
        var token = AntiforgeryToken(await client.GetStringAsync(url, Ct));

        var (status, shown, location) = await client.PostAndFollowAsync(url + "?handler=Assign", FormFields.Encoded(token, ("handlerId", colleague.UserId)));

        Assert.True(PostRedirectGet.IsRedirectAfterPost(status));
        Assert.Equal(url, location?.OriginalString);
        Assert.Contains("已更新承办人。", shown, StringComparison.Ordinal);
        Assert.Contains("<dt>承办人</dt><dd>colleague</dd>", shown, StringComparison.Ordinal);
    }
}
