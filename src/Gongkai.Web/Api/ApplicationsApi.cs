using Gongkai.Application.Catalog;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Receipts;
using Gongkai.Web.Errors;
using Gongkai.Web.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Api;

/// <summary>
/// The public application API (条例第二十七条、第二十九条): what the portal's form does, for a 政务服务 app or another
/// platform that files applications on a citizen's behalf. Limited like the form: accepted applications per client address.
/// </summary>
public static class ApplicationsApi
{
    /// <summary>The new application: its receipt, with the tracking secret shown this once (null for a replayed Idempotency-Key).</summary>
    public sealed record SubmittedDto(string TrackingCode, string? Secret, bool Resubmitted, ApplicationReceipt Receipt);

    public static void MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/agencies/{code}/applications", SubmitAsync).WithName("SubmitApplication").WithTags("applications")
            .AllowAnonymous().RequireRateLimiting("apply")
            .WithSummary("在线提交政府信息公开申请；请求头 Idempotency-Key（GUID）使重复提交只登记一次；同一网络地址受理过多时 429 并给出 Retry-After")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Created<SubmittedDto>, Ok<SubmittedDto>, ProblemHttpResult>> SubmitAsync(string code, RequestForm body,
        HttpContext http, RequestIntake intake, PortalQueries portal, AcceptedSubmissionLimiter submissions, CancellationToken ct)
    {
        var client = AcceptedSubmissionLimiter.ClientKey(http);
        if (submissions.WaitFor(client) is { } wait)
        {
            http.Response.Headers.RetryAfter = AcceptedSubmissionLimiter.RetryAfterHeader(wait);
            return TypedResults.Problem(ApiProblems.Create(ErrorCatalog.TooManyRequests, AcceptedSubmissionLimiter.WaitMessage(wait)));
        }
        var input = body ?? new RequestForm();
        input.SubmissionKey = null;
        if (http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } header)
        {
            if (!Guid.TryParse(header, out var key))
            {
                throw new Gongkai.Application.ValidationException("Idempotency-Key", "Idempotency-Key 应为 GUID。");
            }
            input.SubmissionKey = key;
        }
        var agency = await portal.AgencyAsync(code, ct) ?? throw new Gongkai.Application.NotFoundException("找不到该单位。");
        var submitted = await intake.SubmitOnlineAsync(agency.Code, input, http.Connection.RemoteIpAddress?.ToString(), null, ct);
        var dto = new SubmittedDto(submitted.Record.TrackingCode, submitted.Secret, submitted.Resubmitted,
            ApplicationReceipt.From(submitted.Record, agency.Name, submitted.Secret));
        // The secret is in the body: never cached anywhere on the way.
        http.Response.Headers.CacheControl = "no-store";
        if (submitted.Resubmitted)
        {
            return TypedResults.Ok(dto);
        }
        submissions.Accepted(client);
        return TypedResults.Created(PortalUrls.Track, dto);
    }
}
