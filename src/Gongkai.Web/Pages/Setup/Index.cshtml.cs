using Gongkai.Application.Demo;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Setup;

public sealed class IndexModel(PlatformSetupService setup, DemoCounty demo) : PageModel, IFormPage
{
    public sealed class SetupForm
    {
        public string PlatformName { get; set; } = "政府信息公开平台";
        public string AgencyCode { get; set; } = "";
        public string AgencyName { get; set; } = "";
        public AgencyKind AgencyKind { get; set; } = AgencyKind.Government;
        public string? IndexNoFormat { get; set; } = Gongkai.Domain.Catalog.IndexNumberFormat.Default;
        public string AdminUserName { get; set; } = "admin";
        public string AdminDisplayName { get; set; } = "";
        public string AdminPassword { get; set; } = "";
    }

    [BindProperty]
    public SetupForm Input { get; set; } = new();

    public DemoResult? Demo { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await setup.IsSetUpAsync(HttpContext.RequestAborted) ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await setup.IsSetUpAsync(HttpContext.RequestAborted))
        {
            return Redirect("/");
        }
        await setup.SetUpAsync(new SetupInput(Input.PlatformName, Input.AgencyCode, Input.AgencyName, Input.AgencyKind,
            Input.AdminUserName, Input.AdminDisplayName, Input.AdminPassword, Input.IndexNoFormat), HttpContext.RequestAborted);
        return Redirect("/staff/login?setup=1");
    }

    /// <summary>A refused setup shows the form again as posted; there is nothing else on the page.</summary>
    public Task RedisplayAsync() => Task.CompletedTask;

    public async Task<IActionResult> OnPostDemoAsync()
    {
        if (await setup.IsSetUpAsync(HttpContext.RequestAborted))
        {
            return Redirect("/");
        }
        Demo = await demo.LoadAsync(ct: HttpContext.RequestAborted);
        return Page();
    }
}
