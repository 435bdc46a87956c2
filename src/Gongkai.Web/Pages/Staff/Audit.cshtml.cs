using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.AuditView)]
public sealed class AuditModel(StaffItemQueries queries, CurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)] public int PageNumber { get; set; } = 1;

    public Page<AuditEntry> Result { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync() => Result = await queries.AuditAsync(staff.Context, null, Action, PageNumber);
}
