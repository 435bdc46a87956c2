using Gongkai.Application;
using Gongkai.Application.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Security;

/// <summary>requests.handle: the 政务公开办 supervises — it reads cases, even its own agency's, but registering and handling them is for the clerks.</summary>
public sealed class RequestHandlingRoleTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task ASupervisor_ReadsItsOwnAgencysCase_ButCannotRegisterDecideOrWriteLetters(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", top.Id, StaffRole.Editor);
        var supervisor = await app.AddStaffAsync("supervisor", top.Id, StaffRole.Supervisor);
        var record = await app.RegisterInPersonAsync(clerk);

        var read = await app.WithStoreAsync(s => s.LoadReadableAsync(supervisor, record.Id, Ct));
        var register = await Assert.ThrowsAsync<ForbiddenException>(() => app.RegisterInPersonAsync(supervisor));
        var decide = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.WithStepsAsync(s => s.DecideAsync(supervisor, record.Id, RequestOutcomes.Disclosed.Key, null, null, Ct)));
        var letter = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<AnswerLetters>().GenerateAsync(supervisor, record.Id, Ct)));

        Assert.Equal(record.TrackingCode, read.TrackingCode);
        Assert.Equal("您的角色不能登记或办理依申请公开。", register.Message);
        Assert.Equal(register.Message, decide.Message);
        Assert.Equal(register.Message, letter.Message);
        Assert.Equal(RequestState.Received, (await app.LoadAsync(record.Id)).State);
    }

    [Theory, BothDatabases]
    public async Task TheCasePage_OffersTheHandlingForms_ToTheClerk_NotToTheSupervisor(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", top.Id, StaffRole.Editor);
        await app.AddStaffAsync("supervisor", top.Id, StaffRole.Supervisor);
        var record = await app.RegisterInPersonAsync(clerk);
        using var asClerk = app.Client();
        await app.SignInAsync(asClerk, "clerk");
        using var asSupervisor = app.Client();
        await app.SignInAsync(asSupervisor, "supervisor");

        var clerksPage = await asClerk.GetStringAsync($"/staff/requests/{record.Id}", Ct);
        var supervisorsPage = await asSupervisor.GetStringAsync($"/staff/requests/{record.Id}", Ct);

        Assert.Contains("<h2 id=\"h-actions\">办理</h2>", clerksPage, StringComparison.Ordinal);
        Assert.Contains(record.TrackingCode, supervisorsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 id=\"h-actions\">办理</h2>", supervisorsPage, StringComparison.Ordinal);
    }
}
