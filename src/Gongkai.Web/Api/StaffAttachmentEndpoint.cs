using Gongkai.Application.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Portal;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Api;

/// <summary>
/// The back office's download of an item's attachment in any state, for the reviewer who must read a pending item's files
/// before approving it (条例第十七条). Agency scope and audit are the use case's; the public link serves published items only.
/// </summary>
public static class StaffAttachmentEndpoint
{
    public static string Url(long itemId, Guid attachmentId) => $"/api/v1/staff/items/{itemId}/attachments/{attachmentId}";

    public static async Task<IResult> DownloadAsync(long id, Guid attachmentId, CurrentStaff staff, ItemService items, HttpContext ctx, CancellationToken ct)
    {
        var (meta, data) = await items.OpenAttachmentAsync(staff.Context, id, attachmentId, ct);
        var type = meta.ContentType;
        // Never rendered inline from our origin: an uploaded HTML or SVG file must not run in a staff session.
        if (string.IsNullOrWhiteSpace(type) || PortalEndpoints.ActiveTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            type = "application/octet-stream";
        }
        ctx.Response.Headers.XContentTypeOptions = "nosniff";
        // Unpublished content: kept out of shared and browser caches.
        ctx.Response.Headers.CacheControl = "private, no-store";
        return Results.File(data, type, meta.FileName, entityTag: new EntityTagHeaderValue($"\"{meta.Sha256}\""));
    }
}
