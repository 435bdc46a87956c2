using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Catalog;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

[RequirePermission(Permission.ItemsReview)]
public sealed class ReviewModel(StaffItemQueries queries, CurrentStaff staff) : PageModel
{
    public Page<StaffItemRow> Result { get; private set; } = new([], 1, 100, 0);

    public async Task OnGetAsync()
    {
        var actor = staff.Context;
        Result = await queries.ListAsync(actor, new StaffItemFilter(actor.IsPlatformAdmin ? null : actor.AgencyId, ItemStatus.PendingReview, PageSize: 100));
    }
}
