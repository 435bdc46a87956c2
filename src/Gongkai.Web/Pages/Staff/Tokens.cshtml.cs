using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.TokensManage)]
public sealed class TokensModel(AccountService accounts, CurrentStaff staff) : PageModel, IFormPage
{
    public List<ApiToken> Tokens { get; private set; } = [];
    /// <summary>Shown once, on the page the POST redirects to (TempData is encrypted and read once).</summary>
    [TempData] public string? NewToken { get; set; }

    public async Task OnGetAsync() => Tokens = await accounts.TokensAsync(staff.Context);

    public async Task<IActionResult> OnPostAsync(string? name, int days = 90)
    {
        NewToken = await accounts.CreateTokenAsync(staff.Context, name ?? "", days);
        return RedirectToPage();
    }

    public async Task RedisplayAsync() => Tokens = await accounts.TokensAsync(staff.Context);

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        await accounts.RevokeTokenAsync(staff.Context, id);
        return Redirect("/staff/tokens");
    }
}
