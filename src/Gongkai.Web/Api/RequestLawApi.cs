using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Steps;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>
/// Staff API for the case's scale decisions — 条例第三十五条's reasonable later deadline and the 件数 the 按件 fee counts —
/// and for the agency's appeal book (行政复议、行政诉讼, with or without a case; 条例第五十条第（三）项). Refusals are
/// problem+json from the shared error mapping.
/// </summary>
public static class RequestLawApi
{
    public sealed record ReasonableDeadlineDto(DateOnly? On, DateOnly? DueOn, string? DecidedBy, string? Reason);

    public sealed record ItemCountDto(int ItemCount);

    /// <summary>The case's due date after the decision, with the reasonable deadline (if any) and its explanation.</summary>
    public sealed record CaseScaleDto(long Id, string TrackingCode, DateOnly? DueOn, bool ClockRunning, int ItemCount,
        DateOnly? ReasonableDeadlineOn, DateOnly? ReasonableDeadlineDecidedOn, string? ReasonableDeadlineDecidedBy, string? ReasonableDeadlineReason,
        IReadOnlyList<string> DeadlineSteps);

    public sealed record AppealDto(long Id, int AgencyId, string Agency, long? RequestId, string? TrackingCode, string Kind, string KindLabel,
        DateOnly FiledOn, string Body, string? CaseNumber, string? Subject, string Result, string ResultLabel, DateOnly? ConcludedOn, string? Note);

    public static void MapRequestLawApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/v1/staff/requests").WithTags("requests");
        // Literal segments: they take precedence over RequestsApi's /{id}/{step}.
        requests.MapPost("/{id:long}/reasonable-deadline", ReasonableDeadline).WithName("SetReasonableDeadline").RequirePermission(Permission.RequestsHandle)
            .WithSummary("条例第三十五条：申请数量、频次明显超过合理范围的，确定延迟答复的合理期限（不早于当前答复期限），记录理由和决定人");
        requests.MapPost("/{id:long}/items", Items).WithName("SetRequestItemCount").RequirePermission(Permission.RequestsHandle)
            .WithSummary("登记件数（1至1000；按件计收信息处理费时计入申请人当月累计，国办函〔2020〕109号）");

        var appeals = app.MapGroup("/api/v1/staff/appeals").WithTags("appeals");
        appeals.MapGet("", ListAppeals).WithName("ListAppeals").RequirePermission(Permission.RequestsView)
            .WithSummary("行政复议、行政诉讼（含不属于某一件申请的）；year 为当年提起或当年仍未审结的");
        appeals.MapGet("/{appealId:long}", GetAppeal).WithName("GetAppeal").RequirePermission(Permission.RequestsView).WithSummary("一件行政复议或行政诉讼");
        appeals.MapPost("", AddAppeal).WithName("AddAppeal").RequirePermission(Permission.RequestsHandle)
            .WithSummary("登记行政复议或行政诉讼；不属于某一件申请的（requestId 为空）须填写事项 subject");
        appeals.MapPut("/{appealId:long}", UpdateAppeal).WithName("UpdateAppeal").RequirePermission(Permission.RequestsHandle)
            .WithSummary("更正或登记结果（维持、纠正、其他、尚未审结）");
    }

    private static async Task<Ok<CaseScaleDto>> ReasonableDeadline(long id, ReasonableDeadlineDto body, CurrentStaff staff, RequestLawSteps steps,
        RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await ToDtoAsync(await steps.SetReasonableDeadlineAsync(staff.Context, id, body.On, body.DueOn, body.DecidedBy, body.Reason, ct), queries, ct));

    private static async Task<Ok<CaseScaleDto>> Items(long id, ItemCountDto body, CurrentStaff staff, RequestLawSteps steps, RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await ToDtoAsync(await steps.SetItemCountAsync(staff.Context, id, body.ItemCount, ct), queries, ct));

    private static async Task<CaseScaleDto> ToDtoAsync(RequestRecord r, RequestQueries queries, CancellationToken ct)
    {
        var deadline = await queries.ExplainDeadlineAsync(r, ct);
        IReadOnlyList<string> steps = deadline.Computation is { } computed ? [.. computed.Steps.Select(s => s.Description)]
            : deadline.Error is { } error ? [error] : [];
        return new CaseScaleDto(r.Id, r.TrackingCode, r.DueOn, r.ClockRunning, r.ItemCount, r.ReasonableDeadlineOn, r.ReasonableDeadlineDecidedOn,
            r.ReasonableDeadlineDecidedBy, r.ReasonableDeadlineReason, steps);
    }

    private static async Task<Ok<List<AppealDto>>> ListAppeals(CurrentStaff staff, AppealBook book, CancellationToken ct, int? agency = null, int? year = null) =>
        TypedResults.Ok((await book.ListAsync(staff.Context, agency, year, ct)).Select(ToDto).ToList());

    private static async Task<Ok<AppealDto>> GetAppeal(long appealId, CurrentStaff staff, AppealBook book, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await book.RowAsync(staff.Context, appealId, ct)));

    private static async Task<Created<AppealDto>> AddAppeal(AppealInput body, CurrentStaff staff, AppealBook book, CancellationToken ct)
    {
        var appeal = await book.AddAsync(staff.Context, body, ct);
        return TypedResults.Created($"/api/v1/staff/appeals/{appeal.Id}", ToDto(await book.RowAsync(staff.Context, appeal.Id, ct)));
    }

    private static async Task<Ok<AppealDto>> UpdateAppeal(long appealId, AppealInput body, CurrentStaff staff, AppealBook book, CancellationToken ct)
    {
        var appeal = await book.UpdateAsync(staff.Context, appealId, body, ct);
        return TypedResults.Ok(ToDto(await book.RowAsync(staff.Context, appeal.Id, ct)));
    }

    private static AppealDto ToDto(AppealRow row) => ToDto(row.Appeal, row.AgencyName, row.TrackingCode);

    private static AppealDto ToDto(RequestAppeal a, string agency, string? trackingCode) =>
        new(a.Id, a.AgencyId, agency, a.RequestId, trackingCode, a.Kind.ToString(), a.Kind.Label(), a.FiledOn, a.Body, a.CaseNumber, a.Subject,
            a.Result.ToString(), a.Result.Label(), a.ConcludedOn, a.Note);
}
