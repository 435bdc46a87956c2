using Gongkai.Application.Agencies;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Receipts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Portal.Apply;

/// <summary>
/// Reprints the 申请回执 of an online application for whoever holds its tracking code and secret (posted, so the secret
/// never lands in a URL or log). The secret itself is not shown again, and no personal data but the masked name.
/// </summary>
[EnableRateLimiting("track")]
[OutsideAgencyScope(ScopeOptOut.Applicant)]
public sealed class ReceiptModel(RequestQueries queries) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }

    public ApplicationReceipt? Receipt { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await queries.TrackAsync(Code, Secret, HttpContext.RequestAborted) is { } view)
        {
            Receipt = ApplicationReceipt.From(view.Record, view.AgencyName);
        }
        else
        {
            ModelState.AddModelError("Code", "查询码或查询密码不正确。");
        }
        return Page();
    }
}
