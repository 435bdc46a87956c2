using Gongkai.Application.Accounts;
using Gongkai.Application.Catalog;

namespace Gongkai.Tests.Support;

public static class ReviewSupport
{
    /// <summary>The reviewer reads the item as it is now, then approves that version.</summary>
    public static async Task<Item> ApproveLatestAsync(this ItemService items, StaffContext reviewer, long itemId, bool secrecyReviewed, string? note, CancellationToken ct)
    {
        var read = await items.LoadWorkingAsync(reviewer, itemId, ct);
        return await items.ApproveAsync(reviewer, itemId, read.Version, secrecyReviewed, note, ct);
    }
}
