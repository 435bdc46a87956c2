using Gongkai.Application.Accounts;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

public sealed class UsersModel(AccountService accounts, CurrentStaff staff) : PageModel, IFormPage
{
    public List<StaffUserRow> Users { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool IsPlatformAdmin { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? password, List<string>? roles, string? email)
    {
        var actor = staff.Context;
        await accounts.CreateAsync(actor, actor.AgencyId, userName ?? "", displayName ?? "", password ?? "", roles ?? [], email, HttpContext.RequestAborted);
        Message = $"账号“{userName}”已新建。";
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var actor = staff.Context;
        CanCreate = actor.IsAgencyAdmin;
        IsPlatformAdmin = actor.IsPlatformAdmin;
        Users = await accounts.ListAsync(actor);
    }
}
