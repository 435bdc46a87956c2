using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Api;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Gongkai.Web.Pages.Staff.Items;

[RequirePermission(Permission.ItemsView)]
public sealed class DetailsModel(
    ItemService items, StaffItemQueries queries, GongkaiDbContext db, CurrentStaff staff, PlatformClock clock,
    WorkingDayCalendarProvider calendars, UploadLimits limits) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    /// <summary>The version the reviewer read, posted with the approval; when it is no longer current the page shows what changed.</summary>
    [BindProperty(SupportsGet = true)] public int? ReviewedVersion { get; set; }

    /// <summary>The published revision stays on the portal while this working revision is drafted and reviewed.</summary>
    public bool PublishedRevisionLive => Item.PendingStatus is not null || Item.Status == ItemStatus.Published;
    public RevisionDiff? Diff { get; private set; }

    public Item Item { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public string ColumnName { get; private set; } = "";
    public string PortalUrl { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public bool Overdue { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanReview { get; private set; }
    [TempData] public string? Message { get; set; }
    public List<ItemRevision> Revisions { get; private set; } = [];
    public List<AuditEntry> Audit { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostSubmitAsync() => ActAsync(() => items.SubmitAsync(staff.Context, Id), "已提交审核。");

    public Task<IActionResult> OnPostApproveAsync(bool secrecyReviewed, string? note) =>
        ActAsync(() => items.ApproveAsync(staff.Context, Id, ReviewedVersion, secrecyReviewed, note), "审核通过。");

    public Task<IActionResult> OnPostReturnAsync(string? reason) => ActAsync(() => items.ReturnAsync(staff.Context, Id, reason), "已退回。");

    public Task<IActionResult> OnPostWithdrawAsync(string? reason) => ActAsync(() => items.WithdrawAsync(staff.Context, Id, reason), "已撤回，门户不再显示。");

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? upload)
    {
        var file = await Uploads.ReadAsync(upload, limits, "upload", HttpContext.RequestAborted)
            ?? throw new ValidationException("upload", "请选择要上传的文件。");
        return await ActAsync(() => items.AddAttachmentAsync(staff.Context, Id, file.FileName, file.Content), "附件已上传。");
    }

    public Task<IActionResult> OnPostRemoveAttachmentAsync(Guid attachmentId) =>
        ActAsync(() => items.RemoveAttachmentAsync(staff.Context, Id, attachmentId), "附件已删除。");

    /// <summary>Post/Redirect/Get: a refusal is shown by PageErrorFilter; a success redirects, so a reload repeats nothing.</summary>
    private async Task<IActionResult> ActAsync(Func<Task> action, string done)
    {
        await action();
        Message = done;
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    private async Task<IActionResult> LoadAsync()
    {
        var actor = staff.Context;
        Item = await items.LoadWorkingAsync(actor, Id, HttpContext.RequestAborted);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == Item.AgencyId);
        AgencyName = agency.Name;
        ColumnName = await db.Columns.Where(c => c.Id == Item.ColumnId).Select(c => c.Name).FirstAsync();
        PortalUrl = PortalUrls.Item(agency.Code, Item.Year, Item.Serial);
        var calendar = await calendars.CurrentAsync();
        DueOn = PublicationDeadline.DueOn(LocalDate.FromDateOnly(Item.FormedOn), calendar).ToDateOnly();
        Overdue = Item.PendingStatus is null && Item.Status is ItemStatus.Draft or ItemStatus.PendingReview or ItemStatus.Returned
            && Item.DisclosureMode is not (DisclosureMode.OnRequest or DisclosureMode.Withheld)
            && clock.TodayDate > DueOn;
        CanWrite = AgencyAccess.CanWrite(actor, Item.AgencyId);
        // The four-eyes rule (条例第十七条): neither the author nor anyone who changed the content since the last approval.
        CanReview = CanWrite && actor.CanReview && actor.UserId != Item.AuthorId
            && !(await items.ContentChangedBySinceApprovalAsync(Id)).Contains(actor.UserId);
        if (ReviewedVersion is { } reviewed && reviewed != Item.Version)
        {
            Diff = await items.DiffSinceAsync(actor, Id, reviewed);
        }
        Revisions = await queries.RevisionsAsync(Id);
        Audit = await queries.AuditForAsync("Item", Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Page();
    }
}
