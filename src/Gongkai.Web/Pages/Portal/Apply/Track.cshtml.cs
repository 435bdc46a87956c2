using Gongkai.Application;
using Gongkai.Application.Agencies;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Steps;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Portal.Apply;

/// <summary>Public tracking by code plus secret (POST, so the secret never lands in a URL or log). No personal data is shown.</summary>
[EnableRateLimiting("track")]
[OutsideAgencyScope(ScopeOptOut.Applicant)]
public sealed class TrackModel(RequestQueries queries, RequestSteps steps) : PageModel
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
        try
        {
            await steps.SubmitCorrectionOnlineAsync(Code, Secret, correction, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
            Message = "补正已提交，答复期限自今天起重新计算。";
        }
        catch (ValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(field, m);
                }
            }
        }
        catch (NotFoundException ex)
        {
            ModelState.AddModelError("Code", ex.Message);
        }
        View = await queries.TrackAsync(Code, Secret, HttpContext.RequestAborted);
        return Page();
    }

    public string? Message { get; private set; }

    /// <summary>Downloads an answer letter; code and secret are checked again.</summary>
    public async Task<IActionResult> OnPostLetterAsync(Guid letterId)
    {
        var view = await queries.TrackAsync(Code, Secret, HttpContext.RequestAborted);
        if (view is null)
        {
            ModelState.AddModelError("Code", "查询码或查询密码不正确。");
            return Page();
        }
        var letter = await queries.TrackedLetterAsync(view, letterId, HttpContext.RequestAborted);
        return letter is null ? NotFound() : File(letter.Data, letter.ContentType, letter.FileName);
    }
}
