using Gongkai.Application;
using Gongkai.Application.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Requests;

/// <summary>条例第三十条: the applicant answers a correction notice online, with the tracking code and secret.</summary>
public sealed class CitizenCorrectionTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task CorrectionOnline_WithCodeAndSecret_RestartsTheClockFromToday_AndKeepsTheReply(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var created = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, Input(), app.Clock.Today, null, null, Ct));
        await app.WithStepsAsync(s => s.RequestCorrectionAsync(clerk, created.Record.Id, null, D(2025, 3, 21), "请写明所需信息的年度", Ct));
        app.Today(D(2025, 3, 17));

        var corrected = await app.WithStepsAsync(s => s.SubmitCorrectionOnlineAsync(created.Record.TrackingCode, created.Secret, "2024年度", "127.0.0.1", Ct));

        Assert.Equal(RequestState.Received, corrected.State);
        // 20 working days counted again from Monday 2025-03-17 (清明 2025-04-04 is a rest day).
        Assert.Equal(D(2025, 4, 15), corrected.DueOn);
        var reply = await app.WithDbAsync(db => db.Set<RequestCorrectionRow>().Where(c => c.RequestId == created.Record.Id).Select(c => c.Reply).SingleAsync(Ct));
        Assert.Equal("2024年度", reply);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "request.corrected" && a.UserId == "applicant", Ct)));
    }

    [Theory, BothDatabases]
    public async Task CorrectionOnline_WithTheWrongSecret_OrWhenNoneWasAsked_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var created = await app.WithIntakeAsync(s => s.RegisterAsync(clerk, agency.Id, SubmissionChannel.InPerson, Input(), app.Clock.Today, null, null, Ct));

        var notAsked = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.SubmitCorrectionOnlineAsync(created.Record.TrackingCode, created.Secret, "2024年度", null, Ct)));
        await app.WithStepsAsync(s => s.RequestCorrectionAsync(clerk, created.Record.Id, null, D(2025, 3, 21), "请写明所需信息的年度", Ct));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.WithStepsAsync(s => s.SubmitCorrectionOnlineAsync(created.Record.TrackingCode, "WRONGSECRET00000", "2024年度", null, Ct)));
        var empty = await Assert.ThrowsAsync<ValidationException>(() =>
            app.WithStepsAsync(s => s.SubmitCorrectionOnlineAsync(created.Record.TrackingCode, created.Secret, "  ", null, Ct)));

        Assert.Equal("该申请当前不需要补正。", notAsked.Message);
        Assert.Equal("请填写补正后的申请内容。", empty.Message);
        Assert.Equal(RequestState.AwaitingCorrection, (await app.LoadAsync(created.Record.Id)).State);
    }
}
