using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.TokensManage)]
public sealed class TokensModel(AccountService accounts, CurrentStaff staff) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public async Task OnGetAsync() => Tokens = await accounts.TokensAsync(staff.Context);

    public async Task<IActionResult> OnPostAsync(string? name, int days = 90)
    {
        try
        {
            NewToken = await accounts.CreateTokenAsync(staff.Context, name ?? "", days);
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex);
        }
        Tokens = await accounts.TokensAsync(staff.Context);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        await accounts.RevokeTokenAsync(staff.Context, id);
        return Redirect("/staff/tokens");
    }
}
