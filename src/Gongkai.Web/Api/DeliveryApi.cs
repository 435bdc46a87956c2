using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests.Delivery;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>
/// Staff API for what was disclosed on a case and its 送达, under /api/v1/staff/requests/{id}. Refusals (a closed case, an
/// outcome that discloses nothing, a bounced e-mail) answer problem+json from the shared error mapping.
/// </summary>
public static class DeliveryApi
{
    public sealed record DocumentDto(Guid Id, string Name, string Kind, long Size, string? Sha256, string? ItemIndexNo, DateTime AddedAt, string AddedBy);

    public sealed record DeliveryDto(long Id, string Method, DateOnly On, bool Succeeded, string Detail, string By);

    public sealed record DeliveryStatusDto(bool Discloses, bool MayAttach, bool MayDeliver, DateOnly? ServedOn, string? ServedBy,
        IReadOnlyList<DocumentDto> Documents, IReadOnlyList<DeliveryDto> Deliveries, IReadOnlyList<PublicationDto> Publications);

    public sealed record PublicationDto(long ItemId, string IndexNo, string Title, string Status);

    /// <summary>A file (<c>fileName</c> + <c>contentBase64</c>) or a link to a published item of the agency (<c>indexNo</c>).</summary>
    public sealed record AddDocumentDto(string? FileName, string? ContentBase64, string? IndexNo);

    /// <summary><c>method</c>: Email (sent now by the platform), Post, InPerson, Fax or Other (recorded, with the day).</summary>
    public sealed record AddDeliveryDto(string? Method, DateOnly? On, string? Note);

    public sealed record PublishDto(Guid DocumentId, int ColumnId, string? Title, string? Summary);

    public static void MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/staff/requests/{id:long}").WithTags("requests");
        cases.MapGet("/delivery", Status).WithName("RequestDelivery").RequirePermission(Permission.RequestsView)
            .WithSummary("公开的政府信息（文件或已发布信息链接）、送达记录和据此主动公开的信息");
        cases.MapPost("/documents", AddDocument).WithName("AddRequestDocument").RequirePermission(Permission.RequestsHandle)
            .WithSummary("添加公开的政府信息：文件（fileName、contentBase64）或本单位已发布信息的索引号（indexNo）；仅限已决定予以公开或部分公开、尚未办结的申请");
        cases.MapDelete("/documents/{documentId:guid}", RemoveDocument).WithName("RemoveRequestDocument").RequirePermission(Permission.RequestsHandle)
            .WithSummary("删除误加的公开文件（尚未办结的申请）");
        cases.MapPost("/deliveries", AddDelivery).WithName("AddRequestDelivery").RequirePermission(Permission.RequestsHandle)
            .WithSummary("送达：Email 由平台发送电子邮件（失败不记为送达）；Post、InPerson、Fax、Other 登记线下送达及日期");
        cases.MapPost("/publications", Publish).WithName("PublishFromRequest").RequirePermission(Permission.RequestsHandle)
            .WithSummary("条例第四十四条：以公开文件拟稿主动公开信息并提交审核");
    }

    private static async Task<Ok<DeliveryStatusDto>> Status(long id, CurrentStaff staff, DeliveryQueries queries, CancellationToken ct)
    {
        var p = await queries.PanelAsync(staff.Context, id, ct);
        return TypedResults.Ok(new DeliveryStatusDto(p.Discloses, p.MayAttach, p.MayDeliver, p.Served?.On, p.Served?.Method.Label(),
            [.. p.Documents.Select(ToDto)],
            [.. p.Deliveries.Select(d => new DeliveryDto(d.Id, d.Method.Label(), d.On, d.Succeeded, d.Detail, d.ActorName))],
            [.. p.Publications.Select(x => new PublicationDto(x.ItemId, x.IndexNo, x.Title, x.Status))]));
    }

    private static async Task<Created<DocumentDto>> AddDocument(long id, AddDocumentDto body, CurrentStaff staff, DisclosedDocuments documents,
        Gongkai.Application.Requests.Storage.RequestCaseStore store, CancellationToken ct)
    {
        // The case first: a case the caller may not change answers 404 whatever the body holds.
        await store.LoadWritableAsync(staff.Context, id, ct);
        DisclosedDocument added;
        if (!string.IsNullOrWhiteSpace(body.IndexNo))
        {
            added = await documents.AttachLinkAsync(staff.Context, id, body.IndexNo, ct);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(body.ContentBase64))
            {
                throw new Gongkai.Application.ValidationException("ContentBase64", "请提供文件内容（contentBase64）或已发布信息的索引号（indexNo）。");
            }
            byte[] content;
            try
            {
                content = Convert.FromBase64String(body.ContentBase64);
            }
            catch (FormatException)
            {
                throw new Gongkai.Application.ValidationException("ContentBase64", "contentBase64 不是有效的 Base64 编码。");
            }
            added = await documents.AttachFileAsync(staff.Context, id, body.FileName, content, ct);
        }
        var dto = new DocumentDto(added.Id, added.Name, added.IsLink ? "link" : "file", added.Size, added.Sha256, added.ItemIndexNo, added.AddedAt, added.AddedByName);
        return TypedResults.Created($"/api/v1/staff/requests/{id}/delivery", dto);
    }

    private static async Task<NoContent> RemoveDocument(long id, Guid documentId, CurrentStaff staff, DisclosedDocuments documents, CancellationToken ct)
    {
        await documents.RemoveAsync(staff.Context, id, documentId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<DeliveryDto>> AddDelivery(long id, AddDeliveryDto body, CurrentStaff staff, DocumentDeliveries deliveries,
        Gongkai.Application.Requests.Storage.RequestCaseStore store, CancellationToken ct)
    {
        // The case first (404 for a case the caller may not change), then the method, read as a name so a wrong one is a Chinese 400.
        await store.LoadWritableAsync(staff.Context, id, ct);
        if (!Enum.TryParse<DeliveryMethod>(body.Method, ignoreCase: true, out var method) || !Enum.IsDefined(method) || int.TryParse(body.Method, out _))
        {
            throw new Gongkai.Application.ValidationException("Method", "送达方式（method）应为 Email、Post、InPerson、Fax 或 Other。");
        }
        var d = method == DeliveryMethod.Email
            ? await deliveries.SendByEmailAsync(staff.Context, id, ct)
            : await deliveries.RecordAsync(staff.Context, id, method, body.On, body.Note, ct);
        return TypedResults.Created($"/api/v1/staff/requests/{id}/delivery", new DeliveryDto(d.Id, d.Method.Label(), d.On, d.Succeeded, d.Detail, d.ActorName));
    }

    private static async Task<Created<PublicationDto>> Publish(long id, PublishDto body, CurrentStaff staff, CasePublishing publishing, CancellationToken ct)
    {
        var item = await publishing.PublishAsync(staff.Context, id, new PublishFromCaseInput(body.DocumentId, body.ColumnId, body.Title, body.Summary), ct);
        return TypedResults.Created($"/api/v1/staff/items/{item.Id}", new PublicationDto(item.Id, item.IndexNo, item.Title, item.Status.ToString()));
    }

    private static DocumentDto ToDto(DocumentInfo d) =>
        new(d.Id, d.Name, d.IsLink ? "link" : "file", d.Size, d.Sha256, d.ItemIndexNo, d.AddedAt, d.AddedByName);
}
