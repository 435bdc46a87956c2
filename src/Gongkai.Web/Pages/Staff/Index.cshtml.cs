using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.BackOffice)]
public sealed class IndexModel(CurrentStaff staff, StaffItemQueries queries, RequestQueries requests, GongkaiDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public bool IsSupervisor { get; private set; }
    public (int Drafts, int PendingReview, int Returned, int Overdue, int PublishedThisYear) Counts { get; private set; }

    /// <summary>期限提醒: the deadline dashboard's counts for what the actor sees (own agency; a supervisor's subordinates too).</summary>
    public (int Overdue, int DueSoon, int Unconfirmed, DateOnly SoonLimit) Deadlines { get; private set; }

    public int? CalendarMissingYear { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = staff.Context;
        Name = actor.UserName;
        IsSupervisor = actor.IsSupervisor;
        AgencyName = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Name).FirstOrDefaultAsync() ?? "";
        Counts = await queries.CountsAsync(actor);
        try
        {
            var counts = await requests.DeadlineCountsAsync(actor, null, HttpContext.RequestAborted);
            Deadlines = (counts.ByAgency.Sum(c => c.Overdue), counts.ByAgency.Sum(c => c.DueSoon), counts.Unconfirmed, counts.SoonLimit);
        }
        catch (CalendarNotCoveredException ex)
        {
            // The home page stays usable when the next year's holiday notice is not entered yet.
            CalendarMissingYear = ex.Year;
        }
    }
}
