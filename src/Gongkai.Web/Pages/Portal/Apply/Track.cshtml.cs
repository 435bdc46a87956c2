using Gongkai.Application;
using Gongkai.Application.Agencies;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Steps;
using Gongkai.Web.Infrastructure;
using Gongkai.Application.Data;
using Gongkai.Web.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Portal.Apply;

/// <summary>Public tracking by code plus secret (POST, so the secret never lands in a URL or log). No personal data is shown.</summary>
[EnableRateLimiting("track")]
[OutsideAgencyScope(ScopeOptOut.Applicant)]
public sealed class TrackModel(RequestQueries queries, RequestSteps steps, RequestFiles files) : PageModel, IFormPage
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }

    public TrackingView? View { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        View = await queries.TrackAsync(Code, Secret, HttpContext.RequestAborted);
        if (View is null)
        {
            ModelState.AddModelError("Code", "查询码或查询密码不正确。");
        }
        return Page();
    }

    /// <summary>The applicant submits the requested correction (条例第三十条); code and secret are checked again.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string? correction)
    {
        Response.Headers.CacheControl = "no-store";
        await steps.SubmitCorrectionOnlineAsync(Code, Secret, correction, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        Message = "补正已提交，答复期限自今天起重新计算。";
        await RedisplayAsync();
        return Page();
    }

    /// <summary>A wrong code or secret is the applicant's typing, shown on the form, not a 404.</summary>
    public string? NotFoundField => "Code";

    public async Task RedisplayAsync() => View = await queries.TrackAsync(Code, Secret, HttpContext.RequestAborted);

    public string? Message { get; private set; }

    /// <summary>Downloads an answer letter; code and secret are checked again, and the download is audited as the applicant's.</summary>
    public async Task<IActionResult> OnPostLetterAsync(Guid letterId)
    {
        var view = await queries.TrackAsync(Code, Secret, HttpContext.RequestAborted);
        if (view is null)
        {
            ModelState.AddModelError("Code", "查询码或查询密码不正确。");
            return Page();
        }
        Response.Headers.CacheControl = "no-store";
        var letter = await files.LetterForApplicantAsync(view, letterId, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        return letter is null ? NotFound() : File(letter.Data, letter.ContentType, letter.FileName);
    }
}
