using Gongkai.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Staff;

[EnableRateLimiting("login")]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, LoginAttempts attempts) : PageModel
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
        if (await attempts.TooSoonAsync(HttpContext, userKey, clientKey, ct) is { } tooSoon)
        {
            ModelState.AddModelError("", tooSoon);
            return Page();
        }
        // Identity's own lockout would let anyone lock a clerk out with five wrong passwords; LoginThrottle slows guessing instead.
        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second step (LoginTwoFactor) records the sign-in or the failure.
            return RedirectToPage("/Staff/LoginTwoFactor", new { ReturnUrl });
        }
        var user = await users.FindByNameAsync(name);
        var actor = new StaffContext(user?.Id ?? "-", name, user?.AgencyId ?? 0, new HashSet<string>(), ip);
        await attempts.RecordAsync(actor, user, result.Succeeded ? "login" : "login.failed", result.IsLockedOut ? "账号已锁定" : null, result, userKey, clientKey, ct);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }
        ModelState.AddModelError("", FailureMessage);
        return Page();
    }
}
