using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

public sealed class IndexModel(PortalQueries q) : PageModel
{
    public string PlatformName { get; private set; } = "";
    public List<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PlatformName = await q.PlatformNameAsync(HttpContext.RequestAborted) ?? "政府信息公开平台";
        ViewData["PlatformName"] = PlatformName;
        Agencies = await q.AgenciesAsync(HttpContext.RequestAborted);
    }
}
