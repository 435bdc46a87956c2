using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Accounts.TwoFactor;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.UsersManage)]
public sealed class UsersModel(AccountService accounts, PersonalDataGrants grants, StaffTwoFactor twoFactor, CurrentStaff staff) : PageModel, IFormPage
{
    public List<StaffUserRow> Users { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool IsPlatformAdmin { get; private set; }
    [TempData] public string? Message { get; set; }

    /// <summary>Who may decrypt other agencies' applicants (shown to and set by the platform admin only).</summary>
    public IReadOnlySet<string> GrantHolders { get; private set; } = new HashSet<string>();
    public bool CanGrant { get; private set; }

    /// <summary>Accounts with an authenticator app, which an admin can reset when the phone is lost.</summary>
    public IReadOnlySet<string> TwoFactorUsers { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? password, List<string>? roles, string? email)
    {
        var actor = staff.Context;
        await accounts.CreateAsync(actor, actor.AgencyId, userName ?? "", displayName ?? "", password ?? "", roles ?? [], email, HttpContext.RequestAborted);
        Message = $"账号“{userName}”已新建。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId)
    {
        await accounts.UnlockAsync(staff.Context, userId, HttpContext.RequestAborted);
        Message = "账号已解除锁定。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string? userId)
    {
        await twoFactor.ResetAsync(staff.Context, userId ?? "", HttpContext.RequestAborted);
        Message = "已重置该账号的双因素认证，对方下次登录只需密码，并应重新绑定验证器应用。";
        return RedirectToPage();
    }

    /// <summary>The platform admin grants or withdraws reading other agencies' applicants' personal data (audited).</summary>
    public async Task<IActionResult> OnPostGrantAsync(string? userId, bool granted)
    {
        // Refused (403) or unknown account (404): the page filter answers; there is nothing to correct in a form.
        await grants.SetAsync(staff.Context, userId ?? "", granted, HttpContext.RequestAborted);
        Message = granted ? "已授权。" : "已收回授权。";
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var actor = staff.Context;
        CanCreate = actor.Has(Permission.UsersManage);
        IsPlatformAdmin = actor.IsPlatformAdmin;
        Users = await accounts.ListAsync(actor);
        CanGrant = actor.Has(Permission.GrantsManage);
        TwoFactorUsers = await twoFactor.EnabledAmongAsync(Users.Select(u => u.Id), HttpContext.RequestAborted);
        GrantHolders = CanGrant ? await grants.HoldersAsync(HttpContext.RequestAborted) : new HashSet<string>();
    }
}
