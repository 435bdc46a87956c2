using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Items;

[RequirePermission(Permission.ItemsView)]
public sealed class IndexModel(StaffItemQueries queries, AgencyAccess access, CurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public ItemStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)] public int PageNumber { get; set; } = 1;

    public Page<StaffItemRow> Result { get; private set; } = new([], 1, 30, 0);
    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = staff.Context;
        Agencies = await access.Readable(actor).OrderBy(a => a.Path).ThenBy(a => a.Id).Take(500).ToListAsync(HttpContext.RequestAborted);
        Result = await queries.ListAsync(actor, new StaffItemFilter(Agency, Status, Overdue, Q, PageNumber), HttpContext.RequestAborted);
    }
}
