using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Intake;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Appeals;

/// <summary>
/// The agency's appeal book: every 行政复议 and 行政诉讼 about its disclosure work, with or without a case (条例第五十条第（三）项
/// counts all of them in the annual report's section 四), and a form to record one that belongs to no application.
/// </summary>
[RequirePermission(Permission.RequestsView)]
public sealed class IndexModel(AppealBook book, RequestIntake intake, CurrentStaff staff, PlatformClock clock) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public AppealInput Input { get; set; } = Blank;
    [TempData] public string? Message { get; set; }

    public List<AppealRow> Appeals { get; private set; } = [];
    public List<Agency> Agencies { get; private set; } = [];
    public bool CanHandle => staff.Context.Has(Permission.RequestsHandle);

    private static AppealInput Blank => new(null, null, AppealKind.Reconsideration, null, null, null, null, AppealResult.Pending, null, null);

    public async Task OnGetAsync()
    {
        await RedisplayAsync();
        Input = Blank with { AgencyId = staff.Context.AgencyId, FiledOn = clock.TodayDate };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Recorded here, an appeal belongs to no case; those against one case's answer are recorded on the case page.
        await book.AddAsync(staff.Context, Input with { RequestId = null }, HttpContext.RequestAborted);
        Message = "已登记复议/诉讼。";
        return RedirectToPage(new { Year });
    }

    public string ErrorPrefix => "Input.";

    public async Task RedisplayAsync()
    {
        Appeals = await book.ListAsync(staff.Context, null, Year, HttpContext.RequestAborted);
        Agencies = CanHandle ? await intake.RegistrableAgenciesAsync(staff.Context, HttpContext.RequestAborted) : [];
    }
}
