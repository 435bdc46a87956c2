using System.Net;
using Gongkai.Application.Accounts;
using Gongkai.Tests.Support;
using Gongkai.Web.Pages.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Gongkai.Tests.Accounts;

/// <summary>
/// Signing in to the back office: guessing is slowed down for the guessing client, names that exist and names that
/// do not fail alike, and only many failures lock an account, until an administrator unlocks it.
/// </summary>
public sealed class SignInTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, string> Tokens = [];

    /// <summary>One sign-in attempt; the form's token is fetched once per client (the page's rate limit counts every request).</summary>
    private static async Task<(HttpStatusCode Status, string Page, string? RetryAfter)> TryAsync(TestApp app, HttpClient client, string? userName, string? password)
    {
        if (!Tokens.TryGetValue(client, out var token))
        {
            token = FormFields.AntiforgeryToken(await client.GetStringAsync("/staff/login", Ct));
            Tokens.Add(client, token);
        }
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        if (userName is not null)
        {
            fields["UserName"] = userName;
        }
        if (password is not null)
        {
            fields["Password"] = password;
        }
        using var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(fields), Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(page), response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // Found in the attack: an empty user name at sign-in answered 500.
    [Theory, BothDatabases]
    public async Task AnEmptyUserName_IsAskedFor(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        var (status, page, _) = await TryAsync(app, client, null, "whatever");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请填写用户名和密码。", page, StringComparison.Ordinal);
    }

    // Found in the attack: the lockout message said "账号已锁定" only for names that exist.
    [Theory, BothDatabases]
    public async Task ANameThatExistsAndOneThatDoesNot_FailAlikeAtEveryTry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();

        var answers = new List<(string Name, string Message)>();
        foreach (var name in new[] { "admin", "nobody" })
        {
            for (var n = 0; n < 7; n++)
            {
                var (_, page, _) = await TryAsync(app, client, name, "wrong-password");
                answers.Add((name, page.Contains(LoginModel.FailureMessage, StringComparison.Ordinal) ? "failure" : page.Contains("登录尝试过于频繁", StringComparison.Ordinal) ? "wait" : "other"));
            }
            app.Clock.Advance(Duration.FromMinutes(20));
        }

        var admin = answers.Where(a => a.Name == "admin").Select(a => a.Message).ToList();
        var nobody = answers.Where(a => a.Name == "nobody").Select(a => a.Message).ToList();
        Assert.Equal(["failure", "failure", "failure", "failure", "failure", "wait", "wait"], admin);
        Assert.Equal(admin, nobody);
    }

    [Theory, BothDatabases]
    public async Task AfterFiveFailures_TheNextTryWaits_ThenTheRightPasswordSignsIn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await app.SetUpAsync();
        using var client = app.Client();
        for (var n = 0; n < LoginThrottle.FreeFailures; n++)
        {
            await TryAsync(app, client, "admin", "wrong-password");
        }

        var tooSoon = await TryAsync(app, client, "admin", TestApp.AdminPassword);
        app.Clock.Advance(Duration.FromSeconds(2));
        var later = await TryAsync(app, client, "admin", TestApp.AdminPassword);

        Assert.Contains("登录尝试过于频繁，请 1 秒后再试。", tooSoon.Page, StringComparison.Ordinal);
        Assert.Equal("1", tooSoon.RetryAfter);
        Assert.Equal(HttpStatusCode.Redirect, later.Status);
    }

    [Theory, BothDatabases]
    public async Task AGuessingClient_DoesNotHoldUpTheClerkAtHerOwnDesk(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var user = LoginThrottle.UserKey("clerk");

        var (guesser, desk) = await app.InScopeAsync(async sp =>
        {
            var throttle = sp.GetRequiredService<LoginThrottle>();
            for (var n = 0; n < 12; n++)
            {
                await throttle.RecordFailureAsync(user, LoginThrottle.ClientKey("203.0.113.7"), Ct);
            }
            return (await throttle.WaitAsync(user, LoginThrottle.ClientKey("203.0.113.7"), Ct), await throttle.WaitAsync(user, LoginThrottle.ClientKey("10.1.2.3"), Ct));
        });

        Assert.Equal(TimeSpan.FromSeconds(128), guesser);
        Assert.Equal(TimeSpan.Zero, desk);
    }

    [Theory, BothDatabases]
    public async Task ManyFailures_LockTheAccountUntilAnAdministratorUnlocksIt(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var agency = await app.SetUpAsync();
        var clerk = await app.AddStaffAsync("clerk", agency.Id, Roles.Editor);
        // Failures from elsewhere, spread over many hours: one short of the lock.
        await app.InScopeAsync(async sp =>
        {
            var throttle = sp.GetRequiredService<LoginThrottle>();
            for (var n = 0; n < LoginThrottle.LockAfter - 1; n++)
            {
                await throttle.RecordFailureAsync(LoginThrottle.UserKey("clerk"), LoginThrottle.ClientKey($"198.51.100.{n}"), Ct);
            }
        });
        using var client = app.Client();

        var last = await TryAsync(app, client, "clerk", "wrong-password");
        var locked = await TryAsync(app, client, "clerk", TestApp.StaffPassword);
        await app.InScopeAsync(async sp => await sp.GetRequiredService<AccountService>().UnlockAsync(await app.AdminAsync(), clerk.UserId, Ct));
        var unlocked = await TryAsync(app, client, "clerk", TestApp.StaffPassword);

        Assert.Contains(LoginModel.FailureMessage, last.Page, StringComparison.Ordinal);
        Assert.Contains(LoginModel.FailureMessage, locked.Page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.Status);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == clerk.UserId).Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains("user.lock", actions);
        Assert.Contains("user.unlock", actions);
    }
}
