using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.TwoFactor;
using Gongkai.Tests.Support;
using Gongkai.Web.Pages.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Gongkai.Tests.Accounts;

/// <summary>
/// The optional second factor of staff accounts: an authenticator app bound with a code it computed, asked for after
/// the password, recovery codes that work once, compulsory for administrators when the operator says so, and reset
/// by an administrator when a phone is lost.
/// </summary>
public sealed partial class TwoFactorTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothDatabases]
    public async Task AClerkBindsAnAuthenticatorApp_ThenSignInAsksForItsCode_AWrongOneIsRefused_AndTheRightOneSignsIn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        using var desk = app.Client();
        await app.SignInAsync(desk, "clerk");

        var setup = await desk.GetStringAsync("/staff/account/2fa", Ct);
        var key = KeyField().Match(setup).Groups[1].Value;
        var refused = await PostAsync(desk, "/staff/account/2fa?handler=Enable", setup, ("Key", key), ("Code", WrongCode(key)));
        var stillOff = await app.WithDbAsync(db => db.Users.Where(u => u.Id == clerk.UserId).Select(u => u.TwoFactorEnabled).SingleAsync(Ct));
        var enabled = await PostAsync(desk, "/staff/account/2fa?handler=Enable", setup, ("Key", key), ("Code", CodeFor(key)));
        var afterwards = WebUtility.HtmlDecode(await desk.GetStringAsync("/staff/account/2fa", Ct));

        Assert.Contains("otpauth://totp/Gongkai", setup, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", setup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("验证码不正确", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(stillOff);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("已启用", afterwards, StringComparison.Ordinal);
        Assert.Equal(StaffTwoFactor.RecoveryCodeCount, RecoveryCodes(afterwards).Count);

        using var browser = app.Client();
        var password = await PasswordAsync(browser, "clerk");
        var step = await browser.GetStringAsync("/staff/login/2fa", Ct);
        var wrong = await PostAsync(browser, "/staff/login/2fa", step, ("Code", WrongCode(key)));
        var notYet = await browser.GetAsync("/staff", Ct);
        var right = await PostAsync(browser, "/staff/login/2fa", step, ("Code", CodeFor(key)));
        var home = await browser.GetAsync("/staff", Ct);

        Assert.Equal("/staff/login/2fa", password.Headers.Location?.OriginalString);
        Assert.Contains(LoginTwoFactorModel.FailureMessage, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode); // the password alone does not sign in
        Assert.Equal("/staff", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == clerk.UserId).Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains("user.2fa.enable", actions);
        Assert.Contains("login.2fa.failed", actions);
        Assert.Contains("login.2fa", actions);
    }

    [Theory, BothDatabases]
    public async Task ARecoveryCode_SignsInOnce_AndNotTwice(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var (_, codes) = await EnableAsync(app, clerk);

        using var first = app.Client();
        var used = await PostAsync(first, "/staff/login/2fa", await SecondStepAsync(first, "clerk"), ("Code", codes[0]));
        using var second = app.Client();
        var again = await PostAsync(second, "/staff/login/2fa", await SecondStepAsync(second, "clerk"), ("Code", codes[0]));

        Assert.Equal("/staff", used.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(LoginTwoFactorModel.FailureMessage, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task WrongCodesAtTheSecondStep_CountInTheSignInThrottle(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var (key, _) = await EnableAsync(app, clerk);
        using var browser = app.Client();
        var step = await SecondStepAsync(browser, "clerk");
        for (var n = 0; n < LoginThrottle.FreeFailures; n++)
        {
            await PostAsync(browser, "/staff/login/2fa", step, ("Code", WrongCode(key)));
        }

        var tooSoon = await PostAsync(browser, "/staff/login/2fa", step, ("Code", CodeFor(key)));
        app.Clock.Advance(NodaTime.Duration.FromSeconds(2));
        var later = await PostAsync(browser, "/staff/login/2fa", step, ("Code", CodeFor(key)));

        Assert.Contains("登录尝试过于频繁", WebUtility.HtmlDecode(await tooSoon.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal("/staff", later.Headers.Location?.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task WhenRequiredForAdmins_AnAdminWithoutASecondFactorIsSentToSetItUp_AndLetThroughAfterEnabling(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        var strict = app.Factory.WithWebHostBuilder(b => b.UseSetting("Accounts:RequireTwoFactorForAdmins", "true"));
        using var admin = strict.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var clerk = strict.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await app.SignInAsync(admin, "admin", TestApp.AdminPassword);
        await app.SignInAsync(clerk, "clerk");

        var home = await admin.GetAsync("/staff", Ct);
        var users = await admin.GetAsync("/staff/users", Ct);
        var api = await admin.GetAsync("/api/v1/staff/requests", Ct);
        var clerksHome = await clerk.GetAsync("/staff", Ct);
        var setup = await admin.GetStringAsync("/staff/account/2fa", Ct);
        var key = KeyField().Match(setup).Groups[1].Value;
        await PostAsync(admin, "/staff/account/2fa?handler=Enable", setup, ("Key", key), ("Code", CodeFor(key)));
        var homeAfter = await admin.GetAsync("/staff", Ct);
        var apiAfter = await admin.GetAsync("/api/v1/staff/requests", Ct);

        Assert.Equal("/staff/account/2fa", home.Headers.Location?.OriginalString);
        Assert.Equal("/staff/account/2fa", users.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("双因素认证", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, clerksHome.StatusCode); // an editor is not an administrator
        Assert.Contains("平台要求管理员启用双因素认证", WebUtility.HtmlDecode(setup), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, homeAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiAfter.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task AnAdminResetsALostPhone_AndTheColleagueSignsInWithThePasswordAlone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        await EnableAsync(app, clerk);
        using var admin = app.Client();
        await app.SignInAsync(admin, "admin", TestApp.AdminPassword);

        var page = await admin.GetStringAsync("/staff/users", Ct);
        var reset = await PostAsync(admin, "/staff/users?handler=ResetTwoFactor", page, ("userId", clerk.UserId));
        using var browser = app.Client();
        var signIn = await PasswordAsync(browser, "clerk");

        Assert.Contains("重置双因素认证", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/staff", signIn.Headers.Location?.OriginalString);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == clerk.UserId).Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains("user.2fa.reset", actions);
    }

    [Theory, BothDatabases]
    public async Task AnotherAgencysAdmin_CannotResetTheSecondFactor(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var top = await app.SetUpAsync();
        var health = await app.AddAgencyAsync("000014350", "示例县卫生健康局", top.Id);
        var education = await app.AddAgencyAsync("000014351", "示例县教育局", top.Id);
        var clerk = await app.AddStaffAsync("clerk", health.Id, Roles.Editor);
        var neighbour = await app.AddStaffAsync("neighbour", education.Id, Gongkai.Domain.Agencies.StaffRole.AgencyAdmin);
        await EnableAsync(app, clerk);

        var refused = await Record.ExceptionAsync(() => app.InScopeAsync(sp => sp.GetRequiredService<StaffTwoFactor>().ResetAsync(neighbour, clerk.UserId, Ct)));

        Assert.True(refused is Gongkai.Application.NotFoundException or Gongkai.Application.ForbiddenException, refused?.ToString());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == clerk.UserId).Select(u => u.TwoFactorEnabled).SingleAsync(Ct)));
    }

    /// <summary>Binds an app for <paramref name="staff"/> through the use case; returns the key and the recovery codes.</summary>
    private static Task<(string Key, IReadOnlyList<string> Codes)> EnableAsync(TestApp app, StaffContext staff) =>
        app.InScopeAsync(async sp =>
        {
            var twoFactor = sp.GetRequiredService<StaffTwoFactor>();
            var key = twoFactor.Propose(staff).Key;
            return (key, await twoFactor.EnableAsync(staff, key, CodeFor(key), Ct));
        });

    /// <summary>What the authenticator app shows now (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).</summary>
    private static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>A 6-digit code the app shows at no time near now (the server accepts a few steps either side).</summary>
    private static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var near = Enumerable.Range(-4, 9).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, string userName)
    {
        var form = await client.GetStringAsync("/staff/login", Ct);
        return await PostAsync(client, "/staff/login", form, ("UserName", userName), ("Password", TestApp.StaffPassword));
    }

    /// <summary>The right password: the second step's form page.</summary>
    private static async Task<string> SecondStepAsync(HttpClient client, string userName)
    {
        using var password = await PasswordAsync(client, userName);
        return await client.GetStringAsync(password.Headers.Location, Ct);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formPage, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, FormFields.Encoded(FormFields.AntiforgeryToken(formPage), fields), Ct);

    private static List<string> RecoveryCodes(string page) =>
        [.. RecoveryCode().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"Key\" value=\"([A-Z2-7]{32})\"")]
    private static partial Regex KeyField();

    [GeneratedRegex(@"<li><code>([0-9A-Z]{5}-[0-9A-Z]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
