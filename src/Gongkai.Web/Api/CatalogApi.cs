using Gongkai.Application;
using Gongkai.Application.Agencies;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Domain.Catalog;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// REST API under /api/v1. Reading published agencies, columns and items is public; creating, updating,
/// submitting and reviewing need a staff API token (or the back-office cookie).
/// </summary>
public static class CatalogApi
{
    public static void MapGongkaiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("catalog");

        api.MapGet("/agencies", ListAgencies).WithName("ListAgencies").WithSummary("全部单位").AllowAnonymous();
        api.MapGet("/agencies/{code}", GetAgency).WithName("GetAgency").WithSummary("单位及其栏目").AllowAnonymous();
        api.MapGet("/agencies/{code}/items", ListItems).WithName("ListItems").WithSummary("已发布信息列表（可按栏目、年份、有效性筛选）").AllowAnonymous();
        api.MapGet("/agencies/{code}/items/{year:int}/{serial:int}", GetItem).WithName("GetItem").WithSummary("一条已发布信息").AllowAnonymous();

        // No group-wide authorization: each endpoint names its permission, and one that does not is closed by the fallback policy.
        var staff = api.MapGroup("/staff").WithTags("staff");
        staff.MapPost("/items", CreateItem).WithName("CreateItem").RequirePermission(Permission.ItemsEdit).WithSummary("拟稿：新建信息（本单位）");
        staff.MapGet("/items/{id:long}", GetStaffItem).WithName("GetStaffItem").RequirePermission(Permission.ItemsView).WithSummary("读取本单位（或下级单位）的任一信息");
        staff.MapPut("/items/{id:long}", UpdateItem).WithName("UpdateItem").RequirePermission(Permission.ItemsEdit).WithSummary("修改信息（已发布的：已发布版本继续公开，修改审核通过后生效）");
        staff.MapPost("/items/{id:long}/submit", SubmitItem).WithName("SubmitItem").RequirePermission(Permission.ItemsEdit).WithSummary("提交审核");
        staff.MapPost("/items/{id:long}/approve", ApproveItem).WithName("ApproveItem").RequirePermission(Permission.ItemsReview).WithSummary("保密审查并审核通过（主动公开的即发布）");
        staff.MapGet("/items/{id:long}/attachments/{attachmentId:guid}", StaffAttachmentEndpoint.DownloadAsync).WithName("DownloadStaffAttachment")
            .RequirePermission(Permission.ItemsView).Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").WithSummary("下载信息附件（任一状态，供审核人审阅；记入审计）");
        staff.MapPost("/items/{id:long}/return", ReturnItem).WithName("ReturnItem").RequirePermission(Permission.ItemsReview).WithSummary("退回修改");
        staff.MapPost("/items/{id:long}/withdraw", WithdrawItem).WithName("WithdrawItem").RequirePermission(Permission.ItemsPublish).WithSummary("撤回已发布信息");
    }

    private static async Task<Ok<List<AgencyDto>>> ListAgencies(PortalQueries q, CancellationToken ct)
    {
        var all = await q.AgenciesAsync(ct);
        var codes = all.ToDictionary(a => a.Id, a => a.Code);
        return TypedResults.Ok(all.Select(a => a.ToDto(a.ParentId is { } p ? codes[p] : null)).ToList());
    }

    private static async Task<Results<Ok<object>, NotFound>> GetAgency(string code, PortalQueries q, CancellationToken ct)
    {
        var agency = await q.AgencyAsync(code, ct);
        if (agency is null)
        {
            return TypedResults.NotFound();
        }
        var columns = await q.ColumnsAsync(agency.Id, ct);
        var keys = columns.ToDictionary(c => c.Id, c => c.Key);
        return TypedResults.Ok<object>(new
        {
            agency = agency.ToDto(null),
            columns = columns.Select(c => new ColumnDto(c.Key, c.Name, c.ParentId is { } p ? keys[p] : null, c.Article, PortalUrls.Column(code, c.Key))),
        });
    }

    // The search words are `q`, as on the portal; the service parameter must not take that name, or the binder reads
    // `?q=` into nothing and the caller's search is silently ignored.
    private static async Task<Results<Ok<PageDto<ItemSummaryDto>>, NotFound>> ListItems(
        string code, PortalQueries portal, CancellationToken ct, string? column = null, int? year = null, Validity? validity = null, string? q = null, int page = 1, int pageSize = 20)
    {
        var agency = await portal.AgencyAsync(code, ct);
        if (agency is null)
        {
            return TypedResults.NotFound();
        }
        Column? col = null;
        if (column is not null && (col = await portal.ColumnAsync(agency.Id, column, ct)) is null)
        {
            return TypedResults.NotFound();
        }
        var result = await portal.ListAsync(agency, col, new ItemFilter(year, validity, q, page, pageSize), ct);
        return TypedResults.Ok(new PageDto<ItemSummaryDto>(result.Items.Select(i => i.ToDto()).ToList(), result.PageNumber, result.PageSize, result.TotalCount, result.PageCount));
    }

    private static async Task<Results<Ok<ItemDto>, NotFound>> GetItem(string code, int year, int serial, PortalQueries q, GongkaiDbContext db, CancellationToken ct)
    {
        var agency = await q.AgencyAsync(code, ct);
        var item = agency is null ? null : await q.ItemAsync(agency.Id, year, serial, ct);
        if (item is null)
        {
            return TypedResults.NotFound();
        }
        var columnKey = await db.Columns.OutsideAgencyScope(ScopeOptOut.Portal).Where(c => c.Id == item.ColumnId).Select(c => c.Key).FirstAsync(ct);
        return TypedResults.Ok(item.ToDto(code, columnKey));
    }

    private static async Task<ItemInput> ToInputAsync(ItemWriteDto dto, int agencyId, GongkaiDbContext db, CancellationToken ct)
    {
        var columnId = await db.Columns.Where(c => c.AgencyId == agencyId && c.Key == dto.ColumnKey).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (columnId is null)
        {
            throw new ValidationException(nameof(dto.ColumnKey), $"本单位没有标识为“{dto.ColumnKey}”的栏目。");
        }
        return new ItemInput
        {
            ColumnId = columnId.Value,
            Title = dto.Title,
            PublishingOrg = dto.PublishingOrg,
            WrittenOn = dto.WrittenOn,
            FormedOn = dto.FormedOn,
            DocNo = dto.DocNo,
            TopicCategory = dto.TopicCategory,
            DisclosureMode = dto.DisclosureMode,
            WithholdingReason = dto.WithholdingReason,
            DisclosureScope = dto.DisclosureScope,
            Summary = dto.Summary,
            BodyHtml = dto.BodyHtml,
            DocumentKind = dto.DocumentKind,
            Validity = dto.Validity,
            EffectiveOn = dto.EffectiveOn,
            InvalidatedOn = dto.InvalidatedOn,
            ReplacedByIndexNo = dto.ReplacedByIndexNo,
            InterpretationForm = dto.InterpretationForm,
            InterpretsIndexNo = dto.InterpretsIndexNo,
        };
    }

    private static async Task<StaffItem> StaffDtoAsync(Item item, GongkaiDbContext db, CancellationToken ct)
    {
        var code = await db.Agencies.Where(a => a.Id == item.AgencyId).Select(a => a.Code).FirstAsync(ct);
        var key = await db.Columns.Where(c => c.Id == item.ColumnId).Select(c => c.Key).FirstAsync(ct);
        return new StaffItem(item.ToDto(code, key), item.Status.ToString());
    }

    public sealed record StaffItem(ItemDto Item, string State);

    private static async Task<Created<StaffItem>> CreateItem(ItemWriteDto dto, CurrentStaff staff, ItemService items, GongkaiDbContext db, CancellationToken ct)
    {
        var actor = staff.Context;
        var item = await items.CreateAsync(actor, actor.AgencyId, await ToInputAsync(dto, actor.AgencyId, db, ct), ct);
        return TypedResults.Created($"/api/v1/staff/items/{item.Id}", await StaffDtoAsync(item, db, ct));
    }

    private static async Task<Ok<StaffItem>> GetStaffItem(long id, CurrentStaff staff, ItemService items, GongkaiDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await StaffDtoAsync(await items.LoadWorkingAsync(staff.Context, id, ct), db, ct));

    private static async Task<Ok<StaffItem>> UpdateItem(long id, ItemWriteDto dto, CurrentStaff staff, ItemService items, GongkaiDbContext db, CancellationToken ct)
    {
        var existing = await items.LoadReadableAsync(staff.Context, id, ct);
        var item = await items.UpdateAsync(staff.Context, id, await ToInputAsync(dto, existing.AgencyId, db, ct), dto.Version, ct);
        return TypedResults.Ok(await StaffDtoAsync(item, db, ct));
    }

    private static async Task<Ok<StaffItem>> SubmitItem(long id, CurrentStaff staff, ItemService items, GongkaiDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await StaffDtoAsync(await items.SubmitAsync(staff.Context, id, ct), db, ct));

    /// <summary>
    /// Approves the revision the reviewer read (<see cref="ReviewDto.Version"/>). When the content changed since, the 409
    /// problem lists what changed (<c>changes</c>: title and metadata field by field; <c>body</c>: text paragraphs marked
    /// " ", "-" or "+"), so the reviewer can read it and approve the current version.
    /// </summary>
    private static async Task<Results<Ok<StaffItem>, ProblemHttpResult>> ApproveItem(long id, ReviewDto body, CurrentStaff staff, ItemService items, GongkaiDbContext db, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await StaffDtoAsync(await items.ApproveAsync(staff.Context, id, body.Version, body.SecrecyReviewed, body.Note, ct), db, ct));
        }
        catch (StaleReviewException stale)
        {
            var diff = await items.DiffSinceAsync(staff.Context, id, stale.ReviewedVersion, ct);
            var problem = ApiProblems.Create(ErrorCatalog.StaleReview, stale.Message);
            problem.Extensions["currentVersion"] = stale.CurrentVersion;
            problem.Extensions["changes"] = diff?.Fields ?? [];
            problem.Extensions["body"] = diff?.Body.Select(l => new { mark = l.Mark.ToString(), text = l.Text }).ToList() ?? [];
            return TypedResults.Problem(problem);
        }
    }

    private static async Task<Ok<StaffItem>> ReturnItem(long id, ReasonDto body, CurrentStaff staff, ItemService items, GongkaiDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await StaffDtoAsync(await items.ReturnAsync(staff.Context, id, body.Reason, ct), db, ct));

    private static async Task<Ok<StaffItem>> WithdrawItem(long id, ReasonDto body, CurrentStaff staff, ItemService items, GongkaiDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await StaffDtoAsync(await items.WithdrawAsync(staff.Context, id, body.Reason, ct), db, ct));
}
