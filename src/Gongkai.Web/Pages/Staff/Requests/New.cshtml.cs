using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Intake;
using Gongkai.Domain.Requests;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Requests;

/// <summary>Registering a request that arrived in person, by post, fax or e-mail (条例第二十九条、第三十一条).</summary>
[RequirePermission(Permission.RequestsHandle)]
public sealed class NewModel(RequestIntake intake, CurrentStaff staff, UploadLimits limits) : PageModel, IFormPage
{
    [BindProperty] public IFormFile? Attachment { get; set; }
    public long MaxMegabytes => limits.MaxAttachmentBytes / 1024 / 1024;

    [BindProperty] public RequestForm Form { get; set; } = new();
    [BindProperty] public int AgencyId { get; set; }
    [BindProperty] public SubmissionChannel Channel { get; set; } = SubmissionChannel.InPerson;
    [BindProperty] public DateOnly? SubmittedOn { get; set; }
    [BindProperty] public DateOnly? SignedForOn { get; set; }
    [BindProperty] public DateOnly? ConfirmedOn { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    /// <summary>The case just registered, shown once after the redirect (the secret is handed to the applicant, then gone).</summary>
    public Registered? Created => CreatedJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<Registered>(CreatedJson);

    [TempData] public string? CreatedJson { get; set; }

    public sealed record Registered(long Id, string TrackingCode, string? Secret, bool Resubmitted);

    public static IReadOnlyList<SubmissionChannel> StaffChannels => RequestFormRules.StaffChannels;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        AgencyId = staff.Context.AgencyId;
        Form.SubmissionKey = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var file = await Uploads.ReadAsync(Attachment, limits, "Attachment", HttpContext.RequestAborted);
        var created = await intake.RegisterAsync(staff.Context, AgencyId, Channel, Form, SubmittedOn, SignedForOn, ConfirmedOn, file, HttpContext.RequestAborted);
        CreatedJson = System.Text.Json.JsonSerializer.Serialize(
            new Registered(created.Record.Id, created.Record.TrackingCode, created.Secret, created.Resubmitted));
        // The GET page is a blank form with a new key for the next request: the old key would make it a resubmission.
        return RedirectToPage();
    }

    public string ErrorPrefix => "Form.";

    /// <summary>The binder's errors are dropped: the use case reports every problem of the form, in its own words.</summary>
    public Task RedisplayAsync()
    {
        ModelState.Clear();
        return LoadAsync();
    }

    private async Task LoadAsync() => Agencies = await intake.RegistrableAgenciesAsync(staff.Context, HttpContext.RequestAborted);
}
