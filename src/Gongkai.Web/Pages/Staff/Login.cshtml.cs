using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Staff;

[EnableRateLimiting("login")]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, LoginThrottle throttle, AuditLog audit, GongkaiDbContext db) : PageModel
{
    /// <summary>One message for a wrong name, a wrong password and a locked account: none of them reveals that a name exists.</summary>
    public const string FailureMessage = "用户名或密码错误。连续多次失败后需等待一段时间才能再试；账号被锁定时请联系单位管理员解除。";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = (UserName ?? "").Trim();
        if (name.Length == 0 || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("", "请填写用户名和密码。");
            return Page();
        }
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var userKey = LoginThrottle.UserKey(name.Length > 256 ? name[..256] : name);
        var clientKey = LoginThrottle.ClientKey(ip);
        if (await throttle.WaitAsync(userKey, clientKey, ct) is { TotalSeconds: > 0 } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", $"登录尝试过于频繁，请 {(seconds < 60 ? $"{seconds} 秒" : $"{(seconds + 59) / 60} 分钟")}后再试。");
            return Page();
        }
        // Identity's own lockout would let anyone lock a clerk out with five wrong passwords; LoginThrottle slows guessing instead.
        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: false);
        var user = await users.FindByNameAsync(name);
        var actor = new StaffContext(user?.Id ?? "-", name, user?.AgencyId ?? 0, new HashSet<string>(), ip);
        audit.Record(actor, result.Succeeded ? "login" : "login.failed", "StaffUser", user?.Id, result.IsLockedOut ? "账号已锁定" : null, user?.AgencyId);
        await db.SaveChangesAsync(ct);
        if (result.Succeeded)
        {
            await throttle.ResetAsync(userKey, ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }
        var failures = await throttle.RecordFailureAsync(userKey, clientKey, ct);
        if (user is not null && failures >= LoginThrottle.LockAfter && !result.IsLockedOut)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            audit.Record(actor, "user.lock", "StaffUser", user.Id, $"连续 {failures} 次登录失败，账号锁定，需管理员解除", user.AgencyId);
            await db.SaveChangesAsync(ct);
        }
        ModelState.AddModelError("", FailureMessage);
        return Page();
    }
}
