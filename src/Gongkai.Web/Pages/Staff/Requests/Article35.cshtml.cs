using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Steps;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Requests;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// What the case page's 条例第三十五条 / 件数 panel needs: the case and whether the reader may act on it; on a refusal, what
/// was typed.
/// </summary>
public sealed record Article35Panel(RequestRecord Record, bool CanWrite, DateOnly? DecidedOn = null, DateOnly? DueOn = null,
    string? DecidedBy = null, string? Reason = null, int? ItemCount = null)
{
    /// <summary>条例第三十五条 acts on a running clock: while the agency is processing.</summary>
    public bool CanSetDeadline => CanWrite && Record.State is RequestState.Received or RequestState.Extended;

    public bool CanSetItems => CanWrite && Record.State is not (RequestState.Answered or RequestState.ClosedAbandoned);
}

/// <summary>
/// The case's scale decisions, posted from the case page's panel (<c>_Article35Panel</c>): the reasonable later deadline
/// for an applicant's many repeated requests (条例第三十五条) and the 件数 the 按件 fee counts (国办函〔2020〕109号). A success
/// returns to the case page; a refusal is shown here with what was typed.
/// </summary>
[RequirePermission(Permission.RequestsHandle)]
public sealed class Article35Model(RequestLawSteps steps, RequestCaseStore store, CurrentStaff staff) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public DateOnly? DecidedOn { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int ItemCount { get; set; } = 1;

    /// <summary>Read by the case page after the redirect (its own TempData "Message").</summary>
    [TempData] public string? Message { get; set; }

    public RequestRecord Record { get; private set; } = null!;

    public Article35Panel Panel => new(Record, true, DecidedOn, DueOn, DecidedBy, Reason, ItemCount);

    public async Task OnGetAsync()
    {
        await RedisplayAsync();
        ItemCount = Record.ItemCount;
        DecidedBy = staff.Context.UserName;
    }

    public async Task<IActionResult> OnPostDeadlineAsync()
    {
        var r = await steps.SetReasonableDeadlineAsync(staff.Context, Id, DecidedOn, DueOn, DecidedBy, Reason, HttpContext.RequestAborted);
        Message = $"已依照条例第三十五条确定合理的答复期限：{r.DueOn:yyyy-MM-dd}。";
        return RedirectToPage("Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostItemsAsync()
    {
        await steps.SetItemCountAsync(staff.Context, Id, ItemCount, HttpContext.RequestAborted);
        Message = $"已将件数登记为 {ItemCount} 件。";
        return RedirectToPage("Details", new { id = Id });
    }

    public async Task RedisplayAsync() => Record = await store.LoadReadableAsync(staff.Context, Id, HttpContext.RequestAborted);
}
