using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Letters;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Requests.Letters;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Api;

/// <summary>
/// A case's letters and appeals in the staff API, under /api/v1/staff/requests/{id}. Letters are generated in the case's
/// present state only (400 with the Chinese reason otherwise) and downloaded through the audited, decrypting use case.
/// </summary>
public static class LettersApi
{
    public sealed record LetterFileDto(Guid Id, string FileName, string ContentType, string Url);

    public sealed record LetterDto(long Id, string Kind, string KindLabel, string Number, DateOnly IssuedOn, string Addressee, DateTime CreatedAt,
        string CreatedBy, IReadOnlyList<LetterFileDto> Files);

    public sealed record LettersDto(IReadOnlyList<string> Available, IReadOnlyList<LetterDto> Letters);

    public sealed record NewLetterDto(LetterKind Kind);

    public sealed record AppealDto(long Id, string Kind, string KindLabel, DateOnly FiledOn, string Body, string? CaseNumber, string Result,
        string ResultLabel, DateOnly? ConcludedOn, string? Note);

    public sealed record NewAppealDto(AppealKind Kind, DateOnly? FiledOn, string? Body, string? CaseNumber);

    public static void MapLettersApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/staff/requests/{id:long}").WithTags("requests");
        staff.MapGet("/letters", List).WithName("ListRequestLetters").RequirePermission(Permission.RequestsView)
            .WithSummary("本案已生成的文书（文号、种类、日期、Word 和 PDF 文件）及当前状态可以生成的文书种类");
        staff.MapPost("/letters", Generate).WithName("GenerateRequestLetter").RequirePermission(Permission.RequestsHandle)
            .WithSummary("生成一份文书：Receipt 受理回执、CorrectionNotice 补正告知书、ExtensionNotice 延期答复告知书、ThirdPartyConsultation 征求第三方意见函、"
                + "ConsultationNotice 征求第三方意见告知书、FeeNotice 收费通知书、Answer 答复告知书、ServiceReceipt 送达回证");
        staff.MapGet("/letters/files/{fileId:guid}", Download).WithName("DownloadRequestLetter").RequirePermission(Permission.RequestsView)
            .WithSummary("下载文书文件（记入审计日志）");
        staff.MapGet("/appeals", Appeals).WithName("ListRequestAppeals").RequirePermission(Permission.RequestsView)
            .WithSummary("本案的行政复议、行政诉讼登记");
        staff.MapPost("/appeals", AddAppeal).WithName("AddRequestAppeal").RequirePermission(Permission.RequestsHandle)
            .WithSummary("登记本案的行政复议或行政诉讼");
    }

    private static string FileUrl(long id, Guid fileId) => $"/api/v1/staff/requests/{id}/letters/files/{fileId}";

    private static LetterDto ToDto(long requestId, CaseLetter l) => new(l.Id, l.Kind.ToString(), l.Kind.Label(), l.Number, l.IssuedOn, l.Addressee,
        l.CreatedAt, l.CreatedByName, [.. l.Files.Select(f => new LetterFileDto(f.Id, f.FileName, f.ContentType, FileUrl(requestId, f.Id)))]);

    private static async Task<Ok<LettersDto>> List(long id, CurrentStaff staff, CaseLetters letters, CancellationToken ct)
    {
        var listed = await letters.ListAsync(staff.Context, id, ct);
        var available = await letters.AvailableAsync(staff.Context, id, ct);
        return TypedResults.Ok(new LettersDto([.. available.Select(k => k.ToString())], [.. listed.Select(l => ToDto(id, l))]));
    }

    /// <remarks>A kind the case's state has none of is a 400 with the reason (nothing saved).</remarks>
    private static async Task<Created<LetterDto>> Generate(long id, NewLetterDto body, CurrentStaff staff, CaseLetters letters, CancellationToken ct)
    {
        var issued = await letters.GenerateAsync(staff.Context, id, body?.Kind ?? 0, ct);
        var letter = (await letters.ListAsync(staff.Context, id, ct)).Single(l => l.Id == issued.Id);
        return TypedResults.Created($"/api/v1/staff/requests/{id}/letters", ToDto(id, letter));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(long id, Guid fileId, CurrentStaff staff, RequestFiles files,
        HttpContext http, CancellationToken ct)
    {
        if (await files.LetterForStaffAsync(staff.Context, id, fileId, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }
        // A letter names the applicant: never cached.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Data, file.ContentType, file.FileName);
    }

    private static AppealDto ToDto(RequestAppeal a) => new(a.Id, a.Kind.ToString(), a.Kind.Label(), a.FiledOn, a.Body, a.CaseNumber, a.Result.ToString(),
        a.Result.Label(), a.ConcludedOn, a.Note);

    private static async Task<Ok<List<AppealDto>>> Appeals(long id, CurrentStaff staff, RequestCaseStore store, RequestQueries queries, CancellationToken ct)
    {
        await store.LoadReadableAsync(staff.Context, id, ct);
        return TypedResults.Ok((await queries.AppealsAsync(id, ct)).Select(ToDto).ToList());
    }

    /// <remarks>Bad input (a date before the application was received, no body named) is a 400 with the Chinese reason.</remarks>
    private static async Task<Created<AppealDto>> AddAppeal(long id, NewAppealDto body, CurrentStaff staff, RequestAppealRegister appeals, CancellationToken ct)
    {
        var appeal = await appeals.AddAppealAsync(staff.Context, id, body?.Kind ?? 0, body?.FiledOn, body?.Body, body?.CaseNumber, ct);
        return TypedResults.Created($"/api/v1/staff/requests/{id}/appeals", ToDto(appeal));
    }
}
