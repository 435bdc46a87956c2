using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Handling;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>期限预警: running clocks due within 5 working days or overdue, per agency; supervisors see their subordinates.</summary>
[RequirePermission(Permission.RequestsView)]
public sealed class DeadlinesModel(RequestQueries queries, AgencyAccess access, DeadlineStandings standings, CurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }

    public DeadlineDashboard Dashboard { get; private set; } = null!;
    public List<Agency> Agencies { get; private set; } = [];

    /// <summary>剩余 / 已逾期 N 个工作日 of each row.</summary>
    public StandingsToday Standings { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var actor = staff.Context;
        Agencies = await access.Readable(actor).OrderBy(a => a.Path).ThenBy(a => a.Id).Take(500).ToListAsync(HttpContext.RequestAborted);
        Dashboard = await queries.DeadlinesAsync(actor, Agency, HttpContext.RequestAborted);
        Standings = await standings.TodayAsync(HttpContext.RequestAborted);
    }
}
