using Gongkai.Application;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Receipts;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Limits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Portal.Apply;

/// <summary>
/// The public request form (条例第二十七条、第二十九条). Antiforgery is on for every Razor Pages POST; submissions are
/// limited per address: <see cref="AcceptedSubmissionLimiter"/> counts the accepted ones, and a client over the limit gets
/// the form back as typed with 429 and <c>Retry-After</c>. On success the receipt with tracking code and secret is rendered
/// directly (never put in a URL).
/// </summary>
[EnableRateLimiting("apply")]
[OutsideAgencyScope(ScopeOptOut.Applicant)]
public sealed class IndexModel(RequestIntake intake, PortalQueries portal, UploadLimits limits, AcceptedSubmissionLimiter submissions)
    : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string AgencyCode { get; set; } = "";
    [BindProperty] public RequestForm Form { get; set; } = new();
    [BindProperty] public IFormFile? Attachment { get; set; }

    public string AgencyName { get; private set; } = "";
    /// <summary>The printable receipt once the application is accepted (with the secret only on its first submission).</summary>
    public ApplicationReceipt? Receipt { get; private set; }

    /// <summary>The same form was posted before: no new case, and the secret is not shown again.</summary>
    public bool Resubmitted { get; private set; }
    public long MaxMegabytes => limits.MaxAttachmentBytes / 1024 / 1024;

    public async Task<IActionResult> OnGetAsync()
    {
        var agency = await portal.AgencyAsync(AgencyCode, HttpContext.RequestAborted);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        Form.SubmissionKey = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The receipt carries the one-time secret: never cache it.
        Response.Headers.CacheControl = "no-store";
        var agency = await portal.AgencyAsync(AgencyCode, HttpContext.RequestAborted);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        var client = AcceptedSubmissionLimiter.ClientKey(HttpContext);
        if (submissions.WaitFor(client) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = AcceptedSubmissionLimiter.RetryAfterHeader(wait);
            ModelState.AddModelError("", AcceptedSubmissionLimiter.WaitMessage(wait) + "您填写的内容已保留" + (Attachment is null ? "。" : "，附件需要重新选择。"));
            return Page();
        }
        var file = await Uploads.ReadAsync(Attachment, limits, "Attachment", HttpContext.RequestAborted);
        var submitted = await intake.SubmitOnlineAsync(AgencyCode, Form, HttpContext.Connection.RemoteIpAddress?.ToString(), file, HttpContext.RequestAborted);
        Resubmitted = submitted.Resubmitted;
        Receipt = ApplicationReceipt.From(submitted.Record, agency.Name, submitted.Secret);
        if (!Resubmitted)
        {
            submissions.Accepted(client);
        }
        return Page();
    }

    public string ErrorPrefix => "Form.";

    /// <summary>The binder's errors are dropped: the use case reports every problem of the form, in its own words.</summary>
    public Task RedisplayAsync()
    {
        ModelState.Clear();
        return Task.CompletedTask;
    }
}
