using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The second sign-in step of an account with an authenticator app: the password was right (Identity keeps that in its
/// short-lived two-factor cookie); now the 6-digit code, or one of the recovery codes. Failures count in the same
/// throttle as wrong passwords.
/// </summary>
[EnableRateLimiting("login")]
public sealed class LoginTwoFactorModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, LoginAttempts attempts) : PageModel
{
    public const string FailureMessage = "验证码或恢复码不正确。请输入验证器应用中最新的6位验证码；连续多次失败后需等待一段时间才能再试。";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Staff/Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The first step expired (or never happened): start again with the password.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Staff/Login", new { ReturnUrl });
        }
        var entered = (Code ?? "").Trim();
        if (entered.Length is 0 or > 64)
        {
            ModelState.AddModelError("", "请输入验证码或恢复码。");
            return Page();
        }
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var userKey = LoginThrottle.UserKey(user.UserName ?? "");
        var clientKey = LoginThrottle.ClientKey(ip);
        if (await attempts.TooSoonAsync(HttpContext, userKey, clientKey, ct) is { } tooSoon)
        {
            ModelState.AddModelError("", tooSoon);
            return Page();
        }
        var digits = StaffTwoFactor.Normalize(entered);
        var isAuthenticatorCode = digits.Length == 6 && digits.All(char.IsAsciiDigit);
        // The code is checked first and only a right one handed to Identity: a wrong one would also count towards
        // Identity's own five-strikes lockout, which decision 0012 leaves to LoginThrottle (one mechanism, one message).
        var result = isAuthenticatorCode
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
                : Microsoft.AspNetCore.Identity.SignInResult.Failed
            // Recovery codes are upper case (Identity's alphabet); what is typed is compared the same way.
            : await signIn.TwoFactorRecoveryCodeSignInAsync(entered.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var actor = new StaffContext(user.Id, user.UserName ?? "", user.AgencyId, new HashSet<string>(), ip);
        await attempts.RecordAsync(actor, user, result.Succeeded ? "login.2fa" : "login.2fa.failed",
            (isAuthenticatorCode ? "验证码" : "恢复码") + (result.IsLockedOut ? "，账号已锁定" : ""), result, userKey, clientKey, ct);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }
        ModelState.AddModelError("", FailureMessage);
        return Page();
    }
}
