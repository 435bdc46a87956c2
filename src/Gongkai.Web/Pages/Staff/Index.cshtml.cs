using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

public sealed class IndexModel(CurrentStaff staff) : PageModel
{
    public string Name { get; private set; } = "";

    public void OnGet() => Name = staff.Context.UserName;
}
