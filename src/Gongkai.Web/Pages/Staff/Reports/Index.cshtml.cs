using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>The agency's annual reports (条例第四十九条): every stored year and revision, and generating a new year's draft.</summary>
[RequirePermission(Permission.ReportsView)]
public sealed class IndexModel(ReportStore store, CurrentStaff staff, Gongkai.Application.Platform.PlatformClock clock) : PageModel, IFormPage
{
    public IReadOnlyList<AnnualReportRecord> Reports { get; private set; } = [];
    public IReadOnlyList<(AnnualReportRecord Record, string AgencyName)> AwaitingReview { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanSeeDashboard => staff.Context.Has(Gongkai.Application.Accounts.Permissions.Permission.ReportsAccept);
    /// <summary>The year a report is usually written for: last year.</summary>
    public int SuggestedYear => clock.Today.Year - 1;
    [TempData] public string? Message { get; set; }

    public Task OnGetAsync() => LoadAsync();

    /// <remarks>ReportsEdit is checked by the use case (ReportStore), like every write.</remarks>
    public async Task<IActionResult> OnPostGenerateAsync(int? generateYear)
    {
        if (generateYear is not { } year)
        {
            throw new ValidationException("generateYear", "请填写报告年度。");
        }
        if (ReportTemplates.ForYear(year).Format == ReportFormat.Statistics2008)
        {
            throw new ValidationException("generateYear", $"{year} 年度报告使用国办发〔2014〕32号统计表，平台不能从记录生成。");
        }
        var draft = await store.GenerateDraftAsync(staff.Context, staff.Context.AgencyId, year, HttpContext.RequestAborted);
        Message = $"已从记录生成 {year} 年度报告草稿（第 {draft.Record.Revision} 版）。";
        return RedirectToPage("Edit", new { year });
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        CanEdit = staff.Context.Has(Permission.ReportsEdit);
        Reports = await store.ListAsync(staff.Context, staff.Context.AgencyId, HttpContext.RequestAborted);
        AwaitingReview = await store.AwaitingReviewAsync(staff.Context, HttpContext.RequestAborted);
    }
}
