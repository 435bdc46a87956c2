using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Catalog;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Application.Requests.Storage;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>
/// The case's disclosed documents and their 送达: the forms of <c>_DeliveryPanel</c> post here and, once done, return to
/// the case page (Post/Redirect/Get). A refusal is shown on this page with the panel, the case page one click away.
/// </summary>
[RequirePermission(Permission.RequestsView)]
public sealed class DeliveryModel(
    DisclosedDocuments documents, DocumentDeliveries deliveries, CasePublishing publishing, RequestCaseStore store, CurrentStaff staff, UploadLimits limits)
    : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public string TrackingCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        await RedisplayAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(IFormFile? upload)
    {
        var file = await Uploads.ReadAsync(upload, limits, "upload", HttpContext.RequestAborted)
            ?? throw new ValidationException("upload", "请选择要提供给申请人的文件。");
        await documents.AttachFileAsync(staff.Context, Id, file.FileName, file.Content, HttpContext.RequestAborted);
        return Done($"已添加公开的政府信息：{AttachmentInspector.CleanFileName(file.FileName)}。");
    }

    public async Task<IActionResult> OnPostLinkAsync(string? indexNo)
    {
        var document = await documents.AttachLinkAsync(staff.Context, Id, indexNo, HttpContext.RequestAborted);
        return Done($"已添加已发布信息的链接：{document.ItemIndexNo}。");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid documentId)
    {
        await documents.RemoveAsync(staff.Context, Id, documentId, HttpContext.RequestAborted);
        return Done("已删除该公开文件。");
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        await deliveries.SendByEmailAsync(staff.Context, Id, HttpContext.RequestAborted);
        return Done("已通过电子邮件向申请人送达公开的政府信息。");
    }

    public async Task<IActionResult> OnPostRecordAsync(DeliveryMethod method, DateOnly? on, string? note)
    {
        var delivery = await deliveries.RecordAsync(staff.Context, Id, method, on, note, HttpContext.RequestAborted);
        return Done($"已登记送达：{delivery.Method.Label()}，{delivery.On:yyyy-MM-dd}。");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid documentId, int columnId, string? title, string? summary)
    {
        var item = await publishing.PublishAsync(staff.Context, Id, new PublishFromCaseInput(documentId, columnId, title, summary), HttpContext.RequestAborted);
        return Done($"已拟稿主动公开信息（索引号 {item.IndexNo}）并提交审核，审核通过后发布（条例第四十四条）。");
    }

    /// <summary>A disclosed file as the office attached it, for staff who can read the case; audited.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId)
    {
        var file = await documents.OpenForStaffAsync(staff.Context, Id, documentId, HttpContext.RequestAborted);
        return file is null ? NotFound() : File(file.Data, file.ContentType, file.FileName);
    }

    public async Task RedisplayAsync()
    {
        var record = await store.LoadReadableAsync(staff.Context, Id, HttpContext.RequestAborted);
        TrackingCode = record.TrackingCode;
    }

    private RedirectToPageResult Done(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage("/Staff/Requests/Details", new { id = Id });
    }
}
