using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Appeals;

/// <summary>Correcting an appeal or recording its result (维持、纠正、其他、尚未审结); it keeps its agency and case.</summary>
[RequirePermission(Permission.RequestsHandle)]
public sealed class EditModel(AppealBook book, CurrentStaff staff) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public long AppealId { get; set; }
    [BindProperty] public AppealInput Input { get; set; } = null!;

    public AppealRow Row { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await RedisplayAsync();
        Input = AppealInput.From(Row.Appeal);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await book.UpdateAsync(staff.Context, AppealId, Input, HttpContext.RequestAborted);
        TempData["Message"] = "已保存复议/诉讼记录。";
        return RedirectToPage("Index");
    }

    public string ErrorPrefix => "Input.";

    public async Task RedisplayAsync() => Row = await book.RowAsync(staff.Context, AppealId, HttpContext.RequestAborted);
}
