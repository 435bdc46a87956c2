using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

public sealed class IndexModel(CurrentStaff staff, StaffItemQueries queries, GongkaiDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public bool IsSupervisor { get; private set; }
    public (int Drafts, int PendingReview, int Returned, int Overdue, int PublishedThisYear) Counts { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = staff.Context;
        Name = actor.UserName;
        IsSupervisor = actor.IsSupervisor;
        AgencyName = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Name).FirstOrDefaultAsync() ?? "";
        Counts = await queries.CountsAsync(actor);
    }
}
