using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Accounts.TwoFactor;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Gongkai.Web.Infrastructure.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Gongkai.Web.Pages.Staff.Account;

/// <summary>Every member of staff turns their own authenticator app on or off here.</summary>
[RequirePermission(Permission.BackOffice)]
public sealed class TwoFactorModel(
    StaffTwoFactor twoFactor, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, CurrentStaff staff, IOptionsMonitor<TwoFactorOptions> options)
    : PageModel, IFormPage
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }
    public string? QrCode { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    [BindProperty] public string? Code { get; set; }

    /// <summary>The proposed key, posted back with the code: stored only when the code for it is right.</summary>
    [BindProperty] public string? Key { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>The new recovery codes, carried once across the redirect after enabling and shown only then.</summary>
    [TempData] public string? NewRecoveryCodes { get; set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var codes = await twoFactor.EnableAsync(staff.Context, Key, Code, HttpContext.RequestAborted);
        await RefreshCookieAsync();
        NewRecoveryCodes = string.Join(' ', codes);
        Message = "双因素认证已启用。以后登录时，输入密码后还需输入验证器应用中的验证码。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var actor = staff.Context;
        if (IsRequiredFor(actor))
        {
            throw new ValidationException("Code", "平台要求管理员启用双因素认证，不能关闭。更换手机时请先在新手机上重新绑定，或请其他管理员重置。");
        }
        await twoFactor.DisableAsync(actor, Code, HttpContext.RequestAborted);
        await RefreshCookieAsync();
        Message = "双因素认证已关闭，原验证器应用中的验证码和恢复码均已失效。";
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    private bool IsRequiredFor(StaffContext actor) =>
        options.CurrentValue.RequireTwoFactorForAdmins && StaffTwoFactor.IsAdministrator(actor.Roles);

    /// <summary>Turning 2FA on or off changes the security stamp; the cookie is re-issued so this session stays valid.</summary>
    private async Task RefreshCookieAsync()
    {
        if (await users.FindByIdAsync(staff.Context.UserId) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private async Task LoadAsync()
    {
        var actor = staff.Context;
        Required = IsRequiredFor(actor);
        Enabled = await twoFactor.IsEnabledAsync(actor.UserId);
        if (Enabled)
        {
            RecoveryCodesLeft = await twoFactor.RecoveryCodesLeftAsync(actor);
            return;
        }
        // A wrong code redisplays the same key: the app has already scanned it.
        Setup = twoFactor.Propose(actor, Key);
        // Drawn here as a PNG in a data: URI (allowed by the CSP's img-src): the secret never leaves for a QR service.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Setup.Uri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
    }
}
