using System.Text;
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

/// <summary>
/// One year's report of the agency: the four tables with their cells editable while a draft, each finding shown on the
/// cell it names, the texts 一/五/六 (a draft of 一 offered from the tables), the cases carried over, JSON download.
/// </summary>
[RequirePermission(Permission.ReportsView)]
public sealed class EditModel(ReportStore store, ReportGenerator generator, ReportWorkflow workflow, CurrentStaff staff) : PageModel, IFormPage
{
    /// <summary>Form field names of cells: this prefix, then the cell key (<see cref="ReportCells.Key"/>).</summary>
    public const string CellPrefix = "cell:";
    public const string TextPrefix = "text:";

    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public int Version { get; set; }
    /// <summary>A subordinate's report, for its supervising office; own agency when absent.</summary>
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    private int AgencyId => Agency ?? staff.Context.AgencyId;
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }

    public StoredReport? Stored { get; private set; }
    public IReadOnlyList<CarriedOverCase> CarriedOver { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? OverviewSuggestion { get; private set; }
    [TempData] public string? Message { get; set; }

    private IReadOnlyDictionary<string, List<ReportFinding>> _byCell = new Dictionary<string, List<ReportFinding>>();

    /// <summary>The findings on one cell (or text section, or whole section).</summary>
    public IReadOnlyList<ReportFinding> FindingsOn(params string[] cell) =>
        _byCell.TryGetValue(ReportCells.Key(cell), out var list) ? list : [];

    /// <summary>What staff posted for a cell on a refused save, else the stored value.</summary>
    public string? Posted(string key, string? stored) =>
        Request.HasFormContentType && Request.Form.TryGetValue(CellPrefix + key, out var posted) ? posted.ToString() : stored;

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnGetJsonAsync()
    {
        await LoadAsync();
        var report = Stored?.Report ?? throw new NotFoundException($"{Year} 年度报告尚未生成。");
        var file = $"{Year}年度报告-第{Stored.Record.Revision}版.json";
        return File(Encoding.UTF8.GetBytes(AnnualReportJson.Write(report)), "application/json", file);
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var cells = Request.Form.Keys.Where(k => k.StartsWith(CellPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[CellPrefix.Length..], k => (string?)Request.Form[k].ToString());
        var texts = Request.Form.Keys.Where(k => k.StartsWith(TextPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[TextPrefix.Length..], k => (string?)Request.Form[k].ToString());
        var saved = await store.SaveDraftAsync(staff.Context, AgencyId, Year, Version, new ReportEdits(cells, texts), HttpContext.RequestAborted);
        Message = saved.Record.ErrorCount == 0
            ? $"已保存草稿；检查未发现错误（提示 {saved.Record.WarningCount} 项）。"
            : $"已保存草稿；检查发现错误 {saved.Record.ErrorCount} 项、提示 {saved.Record.WarningCount} 项，已标在相应单元格上。";
        return RedirectToPage(new { Year, Agency });
    }

    public async Task<IActionResult> OnPostRefreshAsync()
    {
        await store.RefreshDraftAsync(staff.Context, AgencyId, Year, Version, HttpContext.RequestAborted);
        Message = "已按记录刷新第三、四部分和第二十条第（一）项；填写的其他数字和文字保留。";
        return RedirectToPage(new { Year, Agency });
    }

    /// <summary>Puts the draft of 一 built from the tables into 一 (replacing what is there), as a start to edit.</summary>
    public async Task<IActionResult> OnPostUseOverviewDraftAsync()
    {
        var current = await store.FindAsync(staff.Context, AgencyId, Year, HttpContext.RequestAborted)
            ?? throw new NotFoundException($"{Year} 年度报告尚未生成。");
        var draft = OverviewDraft.For(current.Report);
        await store.SaveDraftAsync(staff.Context, AgencyId, Year, Version,
            new ReportEdits(new Dictionary<string, string?>(), new Dictionary<string, string?> { ["一"] = draft }), HttpContext.RequestAborted);
        Message = "已把根据表格生成的总体情况草稿填入第一部分，请补充主动公开、平台建设等内容。";
        return RedirectToPage(new { Year, Agency });
    }

    public async Task<IActionResult> OnPostSubmitAsync(string? warningReason)
    {
        await workflow.SubmitAsync(staff.Context, AgencyId, Year, Version, warningReason, HttpContext.RequestAborted);
        Message = "已报送政府信息公开工作主管部门。";
        return RedirectToPage(new { Year, Agency });
    }

    public async Task<IActionResult> OnPostReturnAsync(string? comment)
    {
        await workflow.ReturnAsync(staff.Context, AgencyId, Year, Version, comment, HttpContext.RequestAborted);
        Message = "已退回，并附修改意见。";
        return RedirectToPage(new { Year, Agency });
    }

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        await workflow.AcceptAsync(staff.Context, AgencyId, Year, Version, HttpContext.RequestAborted);
        Message = "已接收该年度报告。";
        return RedirectToPage(new { Year, Agency });
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var agencyId = AgencyId;
        Stored = await store.FindAsync(staff.Context, agencyId, Year, ct);
        if (Stored is null)
        {
            throw new NotFoundException($"{Year} 年度报告尚未生成。");
        }
        var own = agencyId == staff.Context.AgencyId || staff.Context.IsPlatformAdmin;
        CanEdit = own && staff.Context.Has(Permission.ReportsEdit) && Stored.Record.Status.IsEditable();
        CanSubmit = own && staff.Context.Has(Permission.ReportsSubmit) && Stored.Record.Status.IsEditable();
        CanReview = agencyId != staff.Context.AgencyId && staff.Context.Has(Permission.ReportsAccept) && Stored.Record.Status == AnnualReportStatus.Submitted;
        Version = Stored.Record.Version;
        CarriedOver = await generator.CarriedOverAsync(agencyId, Year, ct);
        OverviewSuggestion = OverviewDraft.For(Stored.Report);
        _byCell = Stored.Report.Findings.GroupBy(f => ReportCells.Key(f.Cells)).ToDictionary(g => g.Key, g => g.ToList());
    }
}
