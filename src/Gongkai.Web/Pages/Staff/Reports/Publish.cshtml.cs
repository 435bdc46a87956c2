using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Reports;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>
/// Publishing an accepted report in the 年报 column (条例第四十九条), and starting a correction of a published one: the forms
/// of <c>_PublishPanel</c> post here and return to the report page (Post/Redirect/Get); a refusal is shown here with the panel.
/// </summary>
[RequirePermission(Permission.ReportsView)]
public sealed class PublishModel(ReportPublishing publishing, ReportStore store, CurrentStaff staff) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public StoredReport? Stored { get; private set; }

    private int AgencyId => Agency ?? staff.Context.AgencyId;

    public async Task<IActionResult> OnGetAsync()
    {
        await RedisplayAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var record = await publishing.PublishAsync(staff.Context, AgencyId, Year, Version, HttpContext.RequestAborted);
        Message = record.PublishedLate
            ? $"已在“年报”栏目公开第 {record.Revision} 版；已超过条例第四十九条规定的期限，记为逾期公开。"
            : $"已在“年报”栏目公开第 {record.Revision} 版。";
        return RedirectToPage("Edit", new { year = Year, agency = Agency });
    }

    /// <summary>A correction after publication: a new draft revision from the records; the published one stays public until it replaces it.</summary>
    public async Task<IActionResult> OnPostCorrectAsync()
    {
        var current = await store.FindAsync(staff.Context, AgencyId, Year, HttpContext.RequestAborted);
        if (current is null || current.Record.Status != AnnualReportStatus.Published)
        {
            throw new ValidationException("status", "只有已公开的年度报告才需要更正。");
        }
        if (current.Record.Version != Version)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再操作。");
        }
        var draft = await store.GenerateDraftAsync(staff.Context, AgencyId, Year, HttpContext.RequestAborted);
        Message = $"已建立更正稿（第 {draft.Record.Revision} 版）；报送、接收后公开，替换已公开的版本。";
        return RedirectToPage("Edit", new { year = Year, agency = Agency });
    }

    public async Task RedisplayAsync() =>
        Stored = await store.FindAsync(staff.Context, AgencyId, Year, HttpContext.RequestAborted)
            ?? throw new NotFoundException($"{Year} 年度报告尚未生成。");
}
