using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Reports;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>The supervising office's progress of a year's reports (条例第四十九条): who has not submitted, returned, published late.</summary>
[RequirePermission(Permission.ReportsAccept)]
public sealed class DashboardModel(ReportDashboard dashboard, CurrentStaff staff, Gongkai.Application.Platform.PlatformClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<ReportDashboardRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // Early in the year the reports due are last year's.
        ShownYear = Year is >= 2008 and <= 2100 ? Year.Value : clock.Today.Year - 1;
        Rows = await dashboard.ForYearAsync(staff.Context, ShownYear, HttpContext.RequestAborted);
    }
}
