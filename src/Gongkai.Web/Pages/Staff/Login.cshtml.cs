using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Staff;

[EnableRateLimiting("login")]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, GongkaiDbContext db) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        var user = await users.FindByNameAsync(UserName.Trim());
        var actor = new StaffContext(user?.Id ?? "-", UserName.Trim(), user?.AgencyId ?? 0, new HashSet<string>(), HttpContext.Connection.RemoteIpAddress?.ToString());
        audit.Record(actor, result.Succeeded ? "login" : "login.failed", "StaffUser", user?.Id, result.IsLockedOut ? "账号已锁定" : null, user?.AgencyId);
        await db.SaveChangesAsync();
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }
        ModelState.AddModelError("", result.IsLockedOut ? "登录失败次数过多，账号已暂时锁定，请15分钟后再试。" : "用户名或密码错误。");
        return Page();
    }
}
