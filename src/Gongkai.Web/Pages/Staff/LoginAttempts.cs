using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// What both sign-in steps (password, then the authenticator code) do around an attempt: wait when the throttle says so,
/// and after a failure count it and lock the account once there were too many (decision 0012).
/// </summary>
public sealed class LoginAttempts(UserManager<StaffUser> users, LoginThrottle throttle, AuditLog audit, GongkaiDbContext db)
{
    /// <summary>The Chinese "try later" message when this attempt must wait (and sets Retry-After), else null.</summary>
    public async Task<string?> TooSoonAsync(HttpContext http, string userKey, string clientKey, CancellationToken ct)
    {
        if (await throttle.WaitAsync(userKey, clientKey, ct) is not { TotalSeconds: > 0 } wait)
        {
            return null;
        }
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"登录尝试过于频繁，请 {(seconds < 60 ? $"{seconds} 秒" : $"{(seconds + 59) / 60} 分钟")}后再试。";
    }

    /// <summary>
    /// Audits the attempt (<paramref name="action"/>) and tells the throttle: a success forgets the name's failures, a
    /// failure counts, and many of them lock the account.
    /// </summary>
    public async Task RecordAsync(StaffContext actor, StaffUser? user, string action, string? detail, SignInResult result, string userKey, string clientKey, CancellationToken ct)
    {
        audit.Record(actor, action, "StaffUser", user?.Id, detail, user?.AgencyId);
        await db.SaveChangesAsync(ct);
        if (result.Succeeded)
        {
            await throttle.ResetAsync(userKey, ct);
        }
        else
        {
            await FailedAsync(userKey, clientKey, user, actor, result.IsLockedOut, ct);
        }
    }

    /// <summary>Counts a failure; many of them lock the account until an administrator unlocks it.</summary>
    private async Task FailedAsync(string userKey, string clientKey, StaffUser? user, StaffContext actor, bool lockedOut, CancellationToken ct)
    {
        var failures = await throttle.RecordFailureAsync(userKey, clientKey, ct);
        if (user is not null && failures >= LoginThrottle.LockAfter && !lockedOut)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            audit.Record(actor, "user.lock", "StaffUser", user.Id, $"连续 {failures} 次登录失败，账号锁定，需管理员解除", user.AgencyId);
            await db.SaveChangesAsync(ct);
        }
    }
}
