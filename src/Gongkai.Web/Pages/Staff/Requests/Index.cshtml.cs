using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Handling;
using Gongkai.Documents;
using Gongkai.Domain.Requests;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Requests;

[RequirePermission(Permission.RequestsView)]
public sealed class IndexModel(RequestQueries queries, RequestLedger ledger, AgencyAccess access, DeadlineStandings standings, CurrentStaff staff, PlatformClock clock)
    : PageModel, IFormPage
{
    public DateOnly Today => clock.TodayDate;

    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public RequestState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Unconfirmed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    /// <summary>我的申请: only the cases the signed-in clerk handles (承办人).</summary>
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)] public int PageNumber { get; set; } = 1;

    public Page<RequestRow> Result { get; private set; } = new([], 1, 30, 0);
    public List<Agency> Agencies { get; private set; } = [];

    /// <summary>剩余 / 已逾期 N 个工作日 of each listed case whose clock runs.</summary>
    public StandingsToday Standings { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var actor = staff.Context;
        Agencies = await access.Readable(actor).OrderBy(a => a.Path).ThenBy(a => a.Id).Take(500).ToListAsync(HttpContext.RequestAborted);
        Result = await queries.ListAsync(actor, new RequestFilter(Agency, State, Unconfirmed, Code, PageNumber, HandlerId: Mine ? actor.UserId : null),
            HttpContext.RequestAborted);
        Standings = await standings.TodayAsync(HttpContext.RequestAborted);
    }

    /// <summary>The year's 台账 as Excel, for the agency chosen in the filter (or all visible ones).</summary>
    public async Task<IActionResult> OnGetExportAsync(int? year)
    {
        var (name, content) = await ledger.ExportAsync(staff.Context, year ?? Today.Year, Agency, HttpContext.RequestAborted);
        return File(content, ExcelWriter.ContentType, name);
    }

    public Task RedisplayAsync() => OnGetAsync();
}
