using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

public sealed class UsersModel(AccountService accounts, CurrentStaff staff) : PageModel
{
    public List<StaffUserRow> Users { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool IsPlatformAdmin { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? password, List<string>? roles, string? email)
    {
        var actor = staff.Context;
        try
        {
            await accounts.CreateAsync(actor, actor.AgencyId, userName ?? "", displayName ?? "", password ?? "", roles ?? [], email, HttpContext.RequestAborted);
            Message = $"账号“{userName}”已新建。";
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex);
        }
        catch (ForbiddenException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId)
    {
        try
        {
            await accounts.UnlockAsync(staff.Context, userId, HttpContext.RequestAborted);
            Message = "账号已解除锁定。";
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var actor = staff.Context;
        CanCreate = actor.IsAgencyAdmin;
        IsPlatformAdmin = actor.IsPlatformAdmin;
        Users = await accounts.ListAsync(actor);
    }
}
