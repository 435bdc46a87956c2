using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Fees;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Steps;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>
/// Staff API for requests (依申请公开), under /api/v1/staff/requests with an API token. Applicant personal data appear
/// masked only; refused steps return 400 with the domain's Chinese message.
/// </summary>
public static class RequestsApi
{
    public sealed record RequestDto(long Id, int AgencyId, string TrackingCode, string Applicant, string ApplicantType, string Channel,
        string State, DateOnly? ReceivedOn, DateOnly? DueOn, bool ClockRunning, string? CalendarVersion, string? Outcome, IReadOnlyList<string> DeadlineSteps);

    public sealed record StepDto(DateOnly? On, DateOnly? DueOn, string? Content, bool Late, PauseKind? Kind, string? Counterparty,
        int Days, string? ApprovedBy, string? Reason, FeeMethod? Method, int Quantity, string? Outcome);

    public static void MapRequestsApi(this IEndpointRouteBuilder app)
    {
        // Each endpoint names its permission; one that does not is closed by the fallback policy.
        var staff = app.MapGroup("/api/v1/staff/requests").WithTags("requests");
        staff.MapGet("", List).WithName("ListRequests").RequirePermission(Permission.RequestsView).WithSummary("本单位（及下级单位）收到的政府信息公开申请");
        staff.MapGet("/deadlines", Deadlines).WithName("RequestDeadlines").RequirePermission(Permission.RequestsView)
            .WithSummary("期限预警：已逾期、5个工作日内到期、待确认收到、申请人逾期未补正或未缴费、按单位统计（不传 agency 为全部可见单位）");
        staff.MapGet("/statistics", Statistics).WithName("RequestStatistics").RequirePermission(Permission.RequestsView).WithSummary("年度报告第三、四部分统计（按申请人类型、办理结果、复议诉讼结果）");
        staff.MapPost("", Register).WithName("RegisterRequest").RequirePermission(Permission.RequestsHandle)
            .WithSummary("登记一件当面、信函、电子邮件或传真收到的申请；请求头 Idempotency-Key（GUID）使重复提交只登记一次");
        staff.MapGet("/{id:long}", Get).WithName("GetRequest").RequirePermission(Permission.RequestsView).WithSummary("申请及今日答复期限的计算过程");
        staff.MapPost("/{id:long}/{step}", Step).WithName("RequestStep").RequirePermission(Permission.RequestsHandle)
            .WithSummary("办理一步：confirm, correction, corrected, close-no-correction, consult, consult-end, extend, fee, paid, close-unpaid, decide, answer");
    }

    private static async Task<Ok<List<RequestDto>>> List(CurrentStaff staff, RequestQueries queries, CancellationToken ct, int? agency = null, int page = 1)
    {
        var result = await queries.ListAsync(staff.Context, new RequestFilter(agency, Page: page, PageSize: 100), ct);
        return TypedResults.Ok(result.Items.Select(ToDto).ToList());
    }

    public sealed record AgencyDeadlinesDto(int AgencyId, string Agency, int Running, int DueSoon, int Overdue);

    public sealed record DeadlinesDto(DateOnly Today, DateOnly DueSoonUntil, int CarriedOverIntoThisYear, IReadOnlyList<RequestDto> Overdue,
        IReadOnlyList<RequestDto> DueSoon, IReadOnlyList<RequestDto> Unconfirmed, IReadOnlyList<RequestDto> ApplicantPeriodLapsed,
        IReadOnlyList<RequestDto> NoDueDate, IReadOnlyList<AgencyDeadlinesDto> ByAgency);

    private static async Task<Ok<DeadlinesDto>> Deadlines(CurrentStaff staff, RequestQueries queries, CancellationToken ct, int? agency = null)
    {
        var d = await queries.DeadlinesAsync(staff.Context, agency, ct);
        static List<RequestDto> Rows(IReadOnlyList<RequestRow> rows) => [.. rows.Select(ToDto)];
        return TypedResults.Ok(new DeadlinesDto(d.Today, d.SoonLimit, d.CarriedOverIntoThisYear, Rows(d.Overdue), Rows(d.DueSoon), Rows(d.Unconfirmed),
            Rows(d.ApplicantPeriodLapsed), Rows(d.NoDueDate), [.. d.ByAgency.Select(c => new AgencyDeadlinesDto(c.AgencyId, c.AgencyName, c.Running, c.DueSoon, c.Overdue))]));
    }

    private static RequestDto ToDto(RequestRow r) => new(r.Id, r.AgencyId, r.TrackingCode, r.NameMasked, r.ApplicantType.Label(), r.Channel.Label(),
        r.StateLabel, r.ReceivedOn, r.DueOn, r.ClockRunning, null, r.OutcomeKey, []);

    /// <summary>A request received in person, by post, e-mail or fax (条例第二十九条、第三十一条).</summary>
    public sealed record RegisterDto(int? AgencyId, SubmissionChannel Channel, RequestForm Applicant, DateOnly? SubmittedOn,
        DateOnly? SignedForOn, DateOnly? ConfirmedOn);

    /// <summary>
    /// The new case, and the tracking secret to hand to the applicant (shown once; only its hash is stored). A replay of
    /// the same Idempotency-Key answers the same case with <c>secret</c> null: the secret is not renewed (RequestIntake).
    /// </summary>
    public sealed record RegisteredDto(RequestDto Case, string? Secret, bool Resubmitted);

    /// <remarks>Refusals (400, 403) come from the shared error mapping (Errors/ErrorCatalog) like every other API error.</remarks>
    private static async Task<Results<Created<RegisteredDto>, Ok<RegisteredDto>>> Register(
        RegisterDto body, HttpRequest http, CurrentStaff staff, RequestIntake intake, RequestQueries queries, CancellationToken ct)
    {
        var input = body.Applicant ?? new RequestForm();
        if (http.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } header)
        {
            if (!Guid.TryParse(header, out var key))
            {
                throw new Gongkai.Application.ValidationException("Idempotency-Key", "Idempotency-Key 应为 GUID。");
            }
            input.SubmissionKey = key;
        }
        var created = await intake.RegisterAsync(staff.Context, body.AgencyId ?? staff.Context.AgencyId, body.Channel, input,
            body.SubmittedOn, body.SignedForOn, body.ConfirmedOn, ct);
        var dto = new RegisteredDto(await ToDtoAsync(created.Record, queries, ct), created.Secret, created.Resubmitted);
        // A replay of the same key answers 200 with the case it made, not a second 201.
        return created.Resubmitted ? TypedResults.Ok(dto) : TypedResults.Created($"/api/v1/staff/requests/{created.Record.Id}", dto);
    }

    public sealed record StatisticRow(string Row, string Column, int Count);

    private static async Task<Results<Ok<List<StatisticRow>>, NotFound>> Statistics(int agency, int year, CurrentStaff staff,
        Gongkai.Application.Agencies.AgencyAccess access, RequestQueries queries, CancellationToken ct)
    {
        if (!await access.CanReadAsync(staff.Context, agency, ct))
        {
            return TypedResults.NotFound();
        }
        var st = await queries.AnnualStatisticsAsync(agency, year, ct);
        var rows = new List<StatisticRow>();
        rows.AddRange(st.NewlyReceived.Select(x => new StatisticRow("一、本年新收政府信息公开申请数量", x.Key.Label(), x.Value)));
        rows.AddRange(st.CarriedOverFromLastYear.Select(x => new StatisticRow("二、上年结转政府信息公开申请数量", x.Key.Label(), x.Value)));
        // The outcome rows of the year's format (2019 and 2020: one （六）其他处理 row; from 2021: its three sub-rows).
        rows.AddRange(st.OutcomeRows.SelectMany(r => r.Counts.Where(c => c.Value > 0).Select(c => new StatisticRow(r.Label, c.Key.Label(), c.Value))));
        rows.AddRange(st.CarriedOverToNextYear.Select(x => new StatisticRow("四、结转下年度继续办理", x.Key.Label(), x.Value)));
        rows.AddRange(st.Appeals.Select(x => new StatisticRow(x.Key.Kind.Label(), x.Key.Result.Label(), x.Value)));
        return TypedResults.Ok(rows);
    }

    private static async Task<Ok<RequestDto>> Get(long id, CurrentStaff staff, RequestCaseStore store, RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await ToDtoAsync(await store.LoadReadableAsync(staff.Context, id, ct), queries, ct));

    /// <remarks>A refused step is a 400 with the rule's Chinese message (nothing saved); an unknown step or case a 404.</remarks>
    private static async Task<Ok<RequestDto>> Step(long id, string step, StepDto body, CurrentStaff staff,
        RequestSteps steps, RequestFees fees, RequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await ToDtoAsync(await RunStepAsync(id, step, body, staff.Context, steps, fees, ct), queries, ct));

    private static async Task<RequestRecord> RunStepAsync(long id, string step, StepDto body, Gongkai.Application.Accounts.StaffContext actor,
        RequestSteps steps, RequestFees fees, CancellationToken ct)
    {
        return step switch
        {
            "confirm" => await steps.ConfirmReceiptAsync(actor, id, body.On, ct),
            "correction" => await steps.RequestCorrectionAsync(actor, id, body.On, body.DueOn, body.Content, ct),
            "corrected" => await steps.ReceiveCorrectionAsync(actor, id, body.On, body.Late, ct),
            "close-no-correction" => await steps.CloseForNoCorrectionAsync(actor, id, ct),
            "consult" => await steps.StartConsultationAsync(actor, id, body.Kind ?? PauseKind.ThirdPartyConsultation, body.On, body.Counterparty, ct),
            "consult-end" => await steps.EndConsultationAsync(actor, id, body.On, ct),
            "extend" => await steps.ExtendAsync(actor, id, body.On, body.Days, body.ApprovedBy, body.Reason, ct),
            "fee" => await fees.IssueFeeNoticeAsync(actor, id, body.On, body.Method ?? FeeMethod.PerItem, body.Quantity, ct),
            "paid" => await fees.RecordPaymentAsync(actor, id, body.On, ct),
            "close-unpaid" => await fees.CloseForNonPaymentAsync(actor, id, ct),
            "decide" => await steps.DecideAsync(actor, id, body.Outcome, body.On, body.Reason, ct),
            "answer" => await steps.AnswerAsync(actor, id, body.On, ct),
            _ => throw new Gongkai.Application.NotFoundException($"未知的办理步骤：{step}"),
        };
    }

    private static async Task<RequestDto> ToDtoAsync(RequestRecord r, RequestQueries queries, CancellationToken ct)
    {
        var deadline = await queries.ExplainDeadlineAsync(r, ct);
        IReadOnlyList<string> steps = deadline.Computation is { } computed ? [.. computed.Steps.Select(s => s.Description)]
            : deadline.Error is { } error ? [error] : [];
        return new RequestDto(r.Id, r.AgencyId, r.TrackingCode, r.NameMasked, r.ApplicantType.Label(), r.Channel.Label(), r.State?.Label() ?? "待确认收到",
            r.ReceivedOn, r.DueOn, r.ClockRunning, r.CalendarVersion, r.OutcomeKey, steps);
    }
}
