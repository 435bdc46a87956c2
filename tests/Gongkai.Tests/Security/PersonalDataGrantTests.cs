using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Requests.RequestKit;

namespace Gongkai.Tests.Security;

/// <summary>
/// A supervisor (政务公开办) reads a subordinate's cases but not its applicants' identity and contact details, unless the
/// platform admin grants that to the person; granting, withdrawing and every view are audited.
/// </summary>
public sealed class PersonalDataGrantTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task ASupervisor_CannotDecryptASubordinatesApplicant_UntilGranted_AndNotAfterTheGrantIsWithdrawn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var education = await app.AddAgencyAsync("000014350", "示例县教育局", top.Id);
        var clerk = await app.AddStaffAsync("clerk", education.Id, StaffRole.Editor);
        var supervisor = await app.AddStaffAsync("supervisor", top.Id, StaffRole.Supervisor);
        var admin = await app.AdminAsync();
        var record = await app.RegisterInPersonAsync(clerk);
        Task SetGrantAsync(bool granted) =>
            app.InScopeAsync(sp => sp.GetRequiredService<PersonalDataGrants>().SetAsync(admin, supervisor.UserId, granted, Ct));

        var readsTheCase = await app.WithStoreAsync(s => s.LoadReadableAsync(supervisor, record.Id, Ct));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => app.WithPrivacyAsync(s => s.ViewPersonalDataAsync(supervisor, record.Id, Ct)));
        await SetGrantAsync(true);
        var granted = await app.WithPrivacyAsync(s => s.ViewPersonalDataAsync(supervisor, record.Id, Ct));
        await SetGrantAsync(false);
        var refusedAgain = await Assert.ThrowsAsync<ForbiddenException>(() => app.WithPrivacyAsync(s => s.ViewPersonalDataAsync(supervisor, record.Id, Ct)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "user.grant" || a.Action == "user.revoke" || a.Action == "request.pii.view")
            .OrderBy(a => a.Id).Select(a => a.Action + " " + a.UserName).ToListAsync(Ct));

        Assert.Equal(record.TrackingCode, readsTheCase.TrackingCode);
        Assert.Equal("查看其他单位申请人的身份及联系方式，须经平台管理员授权。", refused.Message);
        Assert.Equal(ApplicantName, granted.Name);
        Assert.Equal(refused.Message, refusedAgain.Message);
        Assert.Equal(["user.grant admin", "request.pii.view supervisor", "user.revoke admin"], audit);
    }

    [Theory, BothDatabases]
    public async Task TheOwnAgencysClerk_DecryptsWithoutAGrant_AndOnlyThePlatformAdminMayGrant(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var education = await app.AddAgencyAsync("000014350", "示例县教育局", top.Id);
        var clerk = await app.AddStaffAsync("clerk", education.Id, StaffRole.Editor);
        var agencyAdmin = await app.AddStaffAsync("edu-admin", education.Id, StaffRole.AgencyAdmin);
        var supervisor = await app.AddStaffAsync("supervisor", top.Id, StaffRole.Supervisor);
        var record = await app.RegisterInPersonAsync(clerk);

        var own = await app.WithPrivacyAsync(s => s.ViewPersonalDataAsync(clerk, record.Id, Ct));
        var byAgencyAdmin = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<PersonalDataGrants>().SetAsync(agencyAdmin, supervisor.UserId, true, Ct)));
        var bySupervisor = await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.InScopeAsync(sp => sp.GetRequiredService<PersonalDataGrants>().SetAsync(supervisor, supervisor.UserId, true, Ct)));

        Assert.Equal(ApplicantName, own.Name);
        Assert.Equal("只有平台管理员可以授予查看其他单位申请人信息的权限。", byAgencyAdmin.Message);
        Assert.Equal(byAgencyAdmin.Message, bySupervisor.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserClaims.CountAsync(Ct)));
    }

    [Theory, BothDatabases]
    public async Task ThePlatformAdmin_GrantsOnTheAccountsPage_AndAnAgencyAdminsPostIsRefused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var supervisor = await app.AddStaffAsync("supervisor", top.Id, StaffRole.Supervisor);
        await app.AddStaffAsync("top-admin", top.Id, StaffRole.AgencyAdmin);
        using var admin = app.Client();
        await app.SignInAsync(admin, "admin", TestApp.AdminPassword);
        using var agencyAdmin = app.Client();
        await app.SignInAsync(agencyAdmin, "top-admin");

        async Task<HttpResponseMessage> PostGrantAsync(HttpClient client) =>
            await client.PostAsync("/staff/users?handler=Grant", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userId"] = supervisor.UserId,
                ["granted"] = "true",
                ["__RequestVerificationToken"] = FormFields.AntiforgeryToken(await client.GetStringAsync("/staff/users", Ct)),
            }), Ct);
        using var refused = await PostGrantAsync(agencyAdmin);
        var refusedPage = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        var grantedByAgencyAdmin = await app.InScopeAsync(sp => sp.GetRequiredService<PersonalDataGrants>().HasGrantAsync(supervisor.UserId, Ct));
        var agencyAdminsPage = await agencyAdmin.GetStringAsync("/staff/users", Ct);
        using var granted = await PostGrantAsync(admin);
        var adminsPage = await admin.GetStringAsync("/staff/users", Ct);

        // A refused form post shows the reason on the page (the one error mapping) and changes nothing.
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("只有平台管理员可以授予", refusedPage, StringComparison.Ordinal);
        Assert.False(grantedByAgencyAdmin);
        Assert.DoesNotContain("查看其他单位申请人信息", agencyAdminsPage, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("已授权", adminsPage, StringComparison.Ordinal);
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<PersonalDataGrants>().HasGrantAsync(supervisor.UserId, Ct)));
    }
}
