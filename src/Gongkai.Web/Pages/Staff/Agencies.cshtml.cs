using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.AgenciesView)]
public sealed class AgenciesModel(AgencyAccess access, AgencyService agencies, CurrentStaff staff) : PageModel, IFormPage
{
    public List<Agency> Agencies { get; private set; } = [];
    public Agency? Own { get; private set; }
    public bool CanEdit { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostContactAsync(string? name, string? officeName, string? address, string? postalCode, string? officeHours,
        string? phone, string? fax, string? email, string? website, string? functions, string? reviewBody, string? letterPrefix)
    {
        var actor = staff.Context;
        await agencies.UpdateContactAsync(actor, actor.AgencyId, new NewAgency("", name ?? "", AgencyKind.Department, null)
        {
            OfficeName = officeName, Address = address, PostalCode = postalCode, OfficeHours = officeHours, Phone = phone, Fax = fax,
            Email = email, Website = website, Functions = functions, ReviewBody = reviewBody, LetterPrefix = letterPrefix,
        });
        Message = "单位信息已保存，指南页面随之更新。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? code, AgencyKind kind)
    {
        var actor = staff.Context;
        await agencies.CreateAsync(actor, new NewAgency(code ?? "", name ?? "", kind, actor.AgencyId));
        Message = "下级单位已新建，并已生成标准栏目。";
        return RedirectToPage();
    }

    public Task RedisplayAsync() => LoadAsync();

    private static string TreeKey(Agency a) =>
        string.Join('/', a.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Append(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(id => id.PadLeft(10, '0')));

    private async Task LoadAsync()
    {
        var actor = staff.Context;
        CanEdit = actor.Has(Permission.AgenciesManage);
        Agencies = await access.Readable(actor).AsNoTracking().OrderBy(a => a.Path).ThenBy(a => a.Id).Take(2000).ToListAsync();
        // Parents before children: order by the full path to each agency.
        Agencies = Agencies.OrderBy(TreeKey, StringComparer.Ordinal).ToList();
        Own = Agencies.FirstOrDefault(a => a.Id == actor.AgencyId);
    }
}
