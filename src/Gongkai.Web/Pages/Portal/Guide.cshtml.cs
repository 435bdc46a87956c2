using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// The 政府信息公开指南 (条例第十二条), generated from the agency's own data so it is never out of date
/// (条例第五十三条 penalises failing to update it): its column tree, how to obtain information, its office's contact
/// details, and supervision and remedies.
/// </summary>
[OutputCache(PolicyName = "portal")]
public sealed class GuideModel(PortalQueries queries) : PortalPageModel(queries)
{
    public Agency Agency { get; private set; } = null!;
    public ColumnTree Tree { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var agency = await AgencyAsync(code);
        if (agency is null)
        {
            return NotFound();
        }
        Agency = agency;
        await LoadPlatformNameAsync();
        Tree = new ColumnTree(agency.Code, await Queries.ColumnsAsync(agency.Id, Aborted));
        return Page();
    }

    /// <summary>A contact field, or 暂无 when the agency has not filled it in.</summary>
    public static string OrNone(string? value) => string.IsNullOrWhiteSpace(value) ? "暂无" : value;
}
