using System.Globalization;
using System.Text;
using System.Xml;
using Gongkai.Application.Catalog;
using Gongkai.Web.Api;
using Gongkai.Web.Changes;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Portal;

/// <summary>
/// The public portal's non-HTML endpoints: attachment downloads (条例第二十四条: 查阅、下载), per-column RSS feeds and
/// the sitemaps. Everything here reads through <see cref="PortalQueries"/>, so only published items are reachable.
/// </summary>
public static class PortalEndpoints
{
    /// <summary>The sitemap protocol's limit of URLs per file.</summary>
    public const int SitemapChunkSize = 50_000;

    public const int RssItems = 50;

    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Types a browser could execute or render as a page; never served as such, even though uploads refuse them.</summary>
    internal static readonly string[] ActiveTypes = ["text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml", "text/javascript", "application/javascript"];

    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/attachments/{id:guid}/{fileName}", [HttpMethods.Get, HttpMethods.Head], DownloadAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/agencies/{code}/columns/{key}/rss.xml", RssAsync).AllowAnonymous().CacheOutput("portal").ExcludeFromDescription();
        app.MapGet("/sitemap.xml", SitemapIndexAsync).AllowAnonymous().CacheOutput("portal").ExcludeFromDescription();
        app.MapGet("/sitemaps/pages.xml", PagesSitemapAsync).AllowAnonymous().CacheOutput("portal").ExcludeFromDescription();
        // Item chunks run to megabytes each: kept out of the in-memory output cache (it would evict the pages) and
        // left to HTTP caches instead.
        app.MapGet("/sitemaps/items-{n:int}.xml", ItemsSitemapAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> DownloadAsync(Guid id, string fileName, PortalQueries q, HttpContext ctx, CancellationToken ct)
    {
        _ = fileName; // Only there so the saved file gets a sensible name; the id decides.
        if (await q.AttachmentAsync(id, ct) is not { } found)
        {
            return Results.NotFound();
        }
        var (meta, data) = found;
        var type = meta.ContentType;
        if (string.IsNullOrWhiteSpace(type) || ActiveTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            type = "application/octet-stream";
        }
        var headers = ctx.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Public but revalidated hourly: a withdrawn item's files should not linger in caches for long.
        headers.CacheControl = "public, max-age=3600";
        // fileDownloadName makes it "attachment; filename=...; filename*=UTF-8''..." and the ETag answers If-None-Match with 304.
        return Results.File(data, type, meta.FileName, lastModified: new DateTimeOffset(DateTime.SpecifyKind(meta.UploadedAt, DateTimeKind.Utc)),
            entityTag: new EntityTagHeaderValue($"\"{meta.Sha256}\""));
    }

    private static string Origin(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    private static XmlWriterSettings XmlSettings => new() { Async = true, Encoding = new UTF8Encoding(false), Indent = false };

    /// <summary>RSS 2.0 of a column (and its sub-columns): the newest 50 published items.</summary>
    private static async Task<IResult> RssAsync(string code, string key, PortalQueries q, HttpContext ctx, CancellationToken ct)
    {
        var agency = await q.AgencyAsync(code, ct);
        if (agency is null)
        {
            return Results.NotFound();
        }
        var columns = await q.ColumnsAsync(agency.Id, ct);
        var column = columns.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));
        if (column is null)
        {
            return Results.NotFound();
        }
        List<int> ids = [column.Id, .. columns.Where(c => c.ParentId == column.Id).Select(c => c.Id)];
        ctx.TagCachedResponse([PortalCacheTags.Agency(agency.Code), .. columns.Where(c => ids.Contains(c.Id)).Select(c => PortalCacheTags.Column(agency.Code, c.Key))]);
        var items = await q.LatestInColumnsAsync(agency.Id, agency.Code, ids, RssItems, ct);
        var summaries = await q.SummariesAsync([.. items.Select(i => i.Id)], ct);
        var origin = Origin(ctx.Request);

        ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
        await using var w = XmlWriter.Create(ctx.Response.Body, XmlSettings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "rss", null);
        await w.WriteAttributeStringAsync(null, "version", null, "2.0");
        await w.WriteStartElementAsync(null, "channel", null);
        await w.WriteElementStringAsync(null, "title", null, $"{agency.Name} - {column.Name}");
        await w.WriteElementStringAsync(null, "link", null, origin + PortalUrls.Column(agency.Code, column.Key));
        await w.WriteElementStringAsync(null, "description", null, $"{agency.Name}“{column.Name}”栏目最新公开的政府信息");
        await w.WriteElementStringAsync(null, "language", null, "zh-CN");
        if (items.Count > 0)
        {
            await w.WriteElementStringAsync(null, "lastBuildDate", null, PubDate(items[0].PublishedOn));
        }
        foreach (var i in items)
        {
            var link = origin + PortalUrls.Item(i.AgencyCode, i.Year, i.Serial);
            await w.WriteStartElementAsync(null, "item", null);
            await w.WriteElementStringAsync(null, "title", null, i.Title);
            await w.WriteElementStringAsync(null, "link", null, link);
            var description = summaries.GetValueOrDefault(i.Id);
            if (!string.IsNullOrWhiteSpace(description) || i.DocNo is not null)
            {
                await w.WriteElementStringAsync(null, "description", null, string.Join(" ", new[] { i.DocNo, description }.Where(s => !string.IsNullOrWhiteSpace(s))));
            }
            await w.WriteStartElementAsync(null, "guid", null);
            await w.WriteAttributeStringAsync(null, "isPermaLink", null, "true");
            await w.WriteStringAsync(link);
            await w.WriteEndElementAsync();
            if (i.PublishedOn is not null)
            {
                await w.WriteElementStringAsync(null, "pubDate", null, PubDate(i.PublishedOn));
            }
            await w.WriteEndElementAsync();
        }
        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
        return Results.Empty;
    }

    /// <summary>RFC 1123 date of a publication day: midnight Beijing time, the day the agency published it.</summary>
    private static string PubDate(DateOnly? day) => day is { } d
        ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)
        : "";

    private static string W3cDate(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// The sitemap index. Item chunks are fixed id ranges (chunk n holds ids (n-1)·50 000 + 1 … n·50 000), so the
    /// index needs only MAX(Id) and each chunk is one primary-key range scan; a chunk never exceeds 50 000 URLs.
    /// </summary>
    private static async Task SitemapIndexAsync(PortalQueries q, HttpContext ctx, CancellationToken ct)
    {
        ctx.TagCachedResponse(PortalCacheTags.Sitemap);
        var maxId = await q.MaxItemIdAsync(ct);
        var chunks = (int)((maxId + SitemapChunkSize - 1) / SitemapChunkSize);
        var origin = Origin(ctx.Request);
        ctx.Response.ContentType = "application/xml; charset=utf-8";
        await using var w = XmlWriter.Create(ctx.Response.Body, XmlSettings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "sitemapindex", SitemapNs);
        await w.WriteStartElementAsync(null, "sitemap", SitemapNs);
        await w.WriteElementStringAsync(null, "loc", SitemapNs, origin + "/sitemaps/pages.xml");
        await w.WriteEndElementAsync();
        for (var n = 1; n <= chunks; n++)
        {
            await w.WriteStartElementAsync(null, "sitemap", SitemapNs);
            await w.WriteElementStringAsync(null, "loc", SitemapNs, origin + $"/sitemaps/items-{n}.xml");
            await w.WriteEndElementAsync();
        }
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
    }

    /// <summary>The platform home, every agency's home and guide, and every column.</summary>
    private static async Task PagesSitemapAsync(PortalQueries q, HttpContext ctx, CancellationToken ct)
    {
        ctx.TagCachedResponse(PortalCacheTags.Sitemap);
        var agencies = await q.AgencyLinksAsync(ct);
        var codes = agencies.ToDictionary(a => a.Id, a => a.Code);
        var origin = Origin(ctx.Request);
        ctx.Response.ContentType = "application/xml; charset=utf-8";
        await using var w = XmlWriter.Create(ctx.Response.Body, XmlSettings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "urlset", SitemapNs);
        var written = 0;
        async Task Url(string path)
        {
            // The protocol's limit; a platform with more than ~1 600 agencies would need pages chunks too.
            if (written++ >= SitemapChunkSize)
            {
                return;
            }
            await w.WriteStartElementAsync(null, "url", SitemapNs);
            await w.WriteElementStringAsync(null, "loc", SitemapNs, origin + path);
            await w.WriteEndElementAsync();
        }
        await Url("/");
        foreach (var a in agencies)
        {
            await Url(PortalUrls.Agency(a.Code));
            await Url(PortalUrls.Agency(a.Code) + "/guide");
        }
        await foreach (var (agencyId, key) in q.ColumnKeysAsync().WithCancellation(ct))
        {
            if (codes.TryGetValue(agencyId, out var code))
            {
                await Url(PortalUrls.Column(code, key));
            }
        }
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
    }

    /// <summary>One chunk of item URLs, streamed from the database to the response without holding the chunk in memory.</summary>
    private static async Task<IResult> ItemsSitemapAsync(int n, PortalQueries q, HttpContext ctx, CancellationToken ct)
    {
        var maxId = await q.MaxItemIdAsync(ct);
        if (n < 1 || (long)(n - 1) * SitemapChunkSize >= maxId)
        {
            return Results.NotFound();
        }
        var codes = (await q.AgencyLinksAsync(ct)).ToDictionary(a => a.Id, a => a.Code);
        var origin = Origin(ctx.Request);
        ctx.Response.ContentType = "application/xml; charset=utf-8";
        ctx.Response.Headers.CacheControl = "public, max-age=3600";
        await using var w = XmlWriter.Create(ctx.Response.Body, XmlSettings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "urlset", SitemapNs);
        await foreach (var e in q.SitemapRangeAsync((long)(n - 1) * SitemapChunkSize, (long)n * SitemapChunkSize).WithCancellation(ct))
        {
            if (!codes.TryGetValue(e.AgencyId, out var code))
            {
                continue;
            }
            await w.WriteStartElementAsync(null, "url", SitemapNs);
            await w.WriteElementStringAsync(null, "loc", SitemapNs, origin + PortalUrls.Item(code, e.Year, e.Serial));
            await w.WriteElementStringAsync(null, "lastmod", SitemapNs, W3cDate(e.UpdatedAt));
            await w.WriteEndElementAsync();
        }
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
        return Results.Empty;
    }
}
