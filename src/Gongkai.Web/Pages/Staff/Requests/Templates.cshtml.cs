using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests;
using Gongkai.Domain.Requests;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>Answer-letter templates, one per outcome group; platform admins edit, everyone else reads.</summary>
[RequirePermission(Permission.RequestsView)]
public sealed class TemplatesModel(AnswerLetters letters, CurrentStaff staff) : PageModel, IFormPage
{
    public List<AnswerTemplate> Templates { get; private set; } = [];
    public bool IsAdmin => staff.Context.IsPlatformAdmin;
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => Templates = await letters.TemplatesAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(OutcomeGroup group, string? title, string? body)
    {
        await letters.UpdateTemplateAsync(staff.Context, group, title, body, HttpContext.RequestAborted);
        Message = "模板已保存。";
        return RedirectToPage();
    }

    public async Task RedisplayAsync() => Templates = await letters.TemplatesAsync(HttpContext.RequestAborted);
}
