using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.ColumnsManage)]
public sealed class ColumnsModel(GongkaiDbContext db, AgencyService agencies, CurrentStaff staff) : PageModel, IFormPage
{
    public List<Column> Columns { get; private set; } = [];
    public bool CanEdit { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(int? parentId, string? name, string? key)
    {
        await agencies.AddColumnAsync(staff.Context, staff.Context.AgencyId, parentId, key ?? "", name ?? "");
        Message = "栏目已新增。";
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var actor = staff.Context;
        CanEdit = actor.Has(Permission.ColumnsManage);
        var all = await db.Columns.AsNoTracking().Where(c => c.AgencyId == actor.AgencyId).OrderBy(c => c.SortOrder).ToListAsync();
        // Children listed under their parent.
        Columns = all.Where(c => c.ParentId is null).SelectMany(p => all.Where(c => c.ParentId == p.Id).Prepend(p)).ToList();
    }
}
