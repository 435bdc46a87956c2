using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Portal;

/// <summary>
/// One published item with its catalog metadata (条例第十二条: 索引、名称、内容概述、生成日期), body and attachments.
/// Drafts, filed and withdrawn items do not exist for the public: 404. Queries: agency by code, the item with its
/// attachments by the unique (AgencyId, Year, Serial) index, the agency's columns for the breadcrumb, the
/// interpretations by the InterpretsId index, and — only when set — the interpreted and the replacing document.
/// </summary>
[OutputCache(PolicyName = "portal")]
public sealed class ItemPageModel(PortalQueries queries) : PortalPageModel(queries)
{
    public Agency Agency { get; private set; } = null!;
    public Item Item { get; private set; } = null!;
    public IReadOnlyList<Column> ColumnPath { get; private set; } = [];
    public List<InterpretationLink> Interpretations { get; private set; } = [];
    public ItemSummary? Interprets { get; private set; }
    public ItemSummary? ReplacedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int year, int serial)
    {
        var agency = await AgencyAsync(code);
        var item = agency is null ? null : await Queries.ItemAsync(agency.Id, year, serial, Aborted);
        if (agency is null || item is null)
        {
            return NotFound();
        }
        // Also tagged with the items it names, so their withdrawal or new title refreshes this page too.
        HttpContext.TagCachedResponse(PortalCacheTags.Item(item.Id));
        HttpContext.TagCachedResponse(new[] { item.InterpretsId, item.ReplacedById }.OfType<long>().Select(PortalCacheTags.Item));
        Agency = agency;
        Item = item;
        await LoadPlatformNameAsync();
        ColumnPath = new ColumnTree(agency.Code, await Queries.ColumnsAsync(agency.Id, Aborted)).PathTo(item.ColumnId);
        if (item.DocumentKind != DocumentKind.PolicyInterpretation)
        {
            Interpretations = await Queries.InterpretationsAsync(item.Id, Aborted);
            HttpContext.TagCachedResponse(Interpretations.Select(i => PortalCacheTags.Item(i.Item.Id)));
        }
        if (item.InterpretsId is { } interprets)
        {
            Interprets = await Queries.SummaryAsync(interprets, Aborted);
        }
        if (item.ReplacedById is { } replacedBy)
        {
            ReplacedBy = await Queries.SummaryAsync(replacedBy, Aborted);
        }
        return Page();
    }
}
