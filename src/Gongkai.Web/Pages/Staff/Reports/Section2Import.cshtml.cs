using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Reports;
using Gongkai.Application.Reports.Import;
using Gongkai.Documents;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>Section 二 of a draft from an Excel sheet (<see cref="Section2Import"/>), and the blank sheet for the year.</summary>
[RequirePermission(Permission.ReportsEdit)]
public sealed class Section2ImportModel(ReportStore store, Section2Import import, CurrentStaff staff) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    private int AgencyId => Agency ?? staff.Context.AgencyId;

    public Task OnGetAsync() => LoadAsync();

    public IActionResult OnGetTemplate() =>
        File(Section2Import.BlankTemplate(Year), ExcelWriter.ContentType, $"{Year}年度报告-第二部分导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            throw new ValidationException("file", "请选择要导入的 Excel 文件。");
        }
        if (Upload.Length > Section2Import.MaxBytes)
        {
            throw new ValidationException("file", $"文件超过 {Section2Import.MaxBytes / 1024 / 1024} MB，不像是第二部分导入模板。");
        }
        await using var stream = Upload.OpenReadStream();
        var saved = await import.ImportAsync(staff.Context, AgencyId, Year, Version, stream, HttpContext.RequestAborted);
        TempData[nameof(EditModel.Message)] = saved.Record.ErrorCount == 0
            ? $"已从 Excel 导入第二部分；检查未发现错误（提示 {saved.Record.WarningCount} 项）。"
            : $"已从 Excel 导入第二部分；检查发现错误 {saved.Record.ErrorCount} 项、提示 {saved.Record.WarningCount} 项，已标在相应单元格上。";
        return RedirectToPage("Edit", new { year = Year, agency = Agency });
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var stored = await store.FindAsync(staff.Context, AgencyId, Year, HttpContext.RequestAborted)
            ?? throw new NotFoundException($"{Year} 年度报告尚未生成。");
        Version = stored.Record.Version;
    }
}
