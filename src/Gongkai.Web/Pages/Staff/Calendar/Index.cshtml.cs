using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Calendar;
using Gongkai.Application.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Calendar;

/// <summary>The working-day calendar: official data 2019–2026 plus the platform admin's audited overrides.</summary>
[RequirePermission(Permission.CalendarView)]
public sealed class IndexModel(CalendarService service, WorkingDayCalendarProvider calendars, CurrentStaff staff) : PageModel, IFormPage
{
    /// <summary>Due dates follow in the background (CalendarRecomputeWorker), not in this request: the admin is told so.</summary>
    private const string RecomputeNote = "进行中申请的答复期限随后在后台重新计算（通常几秒钟内完成）。";

    public List<CalendarOverrideRow> Overrides { get; private set; } = [];
    public WorkingDayCalendar Calendar { get; private set; } = null!;
    public string? CalendarError { get; private set; }
    public bool IsAdmin { get; private set; }
    [TempData] public string? Message { get; set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(DateOnly? date, CalendarDayKind kind, string? source)
    {
        await service.AddAsync(staff.Context, date, kind, source, HttpContext.RequestAborted);
        Message = "已保存，新的日历版本即时生效；" + RecomputeNote;
        return RedirectToPage();
    }

    /// <summary>A whole notice in one step (all or nothing).</summary>
    public async Task<IActionResult> OnPostNoticeAsync(string? source)
    {
        var rows = await service.AddNoticeAsync(staff.Context, Notice, source, HttpContext.RequestAborted);
        Message = $"已按通知录入 {rows.Count} 天，新的日历版本即时生效；{RecomputeNote}";
        return RedirectToPage();
    }

    /// <summary>Bound so that a refused notice stays in the box to be corrected.</summary>
    [BindProperty] public string? Notice { get; set; }

    public async Task<IActionResult> OnPostRemoveAsync(long id)
    {
        await service.RemoveAsync(staff.Context, id, HttpContext.RequestAborted);
        Message = "已撤销；" + RecomputeNote;
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        IsAdmin = staff.Context.IsPlatformAdmin;
        Overrides = await service.ListAsync(includeRemoved: true, HttpContext.RequestAborted);
        try
        {
            Calendar = await calendars.CurrentAsync(HttpContext.RequestAborted);
        }
        catch (ArgumentException ex)
        {
            CalendarError = ex.Message;
            Calendar = OfficialHolidays.Calendar;
        }
    }
}
