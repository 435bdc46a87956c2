using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Portal.Apply;

/// <summary>
/// The applicant downloads a disclosed document with the tracking code and secret (POST, so neither lands in a URL or a
/// log): only a document of that case, only once the answer has been served; a wrong code or secret gets no file.
/// </summary>
[EnableRateLimiting("track")]
[OutsideAgencyScope(ScopeOptOut.Applicant)]
public sealed class TrackDocumentModel(RequestQueries queries, DocumentDeliveries deliveries) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public Guid DocumentId { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Portal/Apply/Track");

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var view = await queries.TrackAsync(Code, Secret, HttpContext.RequestAborted);
        if (view is null)
        {
            Error = "查询码或查询密码不正确。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var document = await deliveries.DownloadForApplicantAsync(view, DocumentId, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        if (document is null)
        {
            Error = "没有可下载的文件：答复送达后才能下载，且只能下载本申请的文件。";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        return document.File is { } file ? File(file.Data, file.ContentType, file.FileName) : LocalRedirect(document.ItemPath!);
    }
}
