using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Application.Requests.Steps;

/// <summary>
/// The steps of a case after intake: confirming receipt (条例第三十一条), 补正 (第三十条), consultation (第三十二条、第三十四条),
/// the extension (第三十三条), the decision and the answer (第三十六条). The domain <see cref="RequestCase"/> decides whether
/// a step is legal; <see cref="RequestCaseStore"/> writes it with its event and audit entry, or nothing.
/// </summary>
public sealed class RequestSteps(AuditLog audit, PlatformClock clock, RequestCaseStore store, Notifications.ApplicantNotifier notifier)
{
    /// <summary>条例第三十一条: the office confirms an online/e-mail/fax request or an ordinary letter; that day is the day of receipt.</summary>
    public async Task<RequestRecord> ConfirmReceiptAsync(StaffContext actor, long id, DateOnly? confirmedOn, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, id, ct);
        if (record.State is not null)
        {
            throw new ValidationException("ConfirmedOn", "该申请已确认收到。");
        }
        var today = clock.Today;
        InputBounds.RequireDate("ConfirmedOn", confirmedOn, today);
        var on = RequestCaseMapping.Local(confirmedOn) ?? today;
        if (on > today)
        {
            throw new ValidationException("ConfirmedOn", "确认日期不能晚于今天。");
        }
        if (record.SubmittedOn is { } submitted && on < LocalDate.FromDateOnly(submitted))
        {
            throw new ValidationException("ConfirmedOn", $"确认日期不能早于提交日期（{submitted:yyyy-MM-dd}）。");
        }
        RequestCase domain;
        try
        {
            domain = RequestCase.Receive(record.Channel, RequestCaseMapping.Facts(record) with { ConfirmedOn = on }, record.ApplicantType);
        }
        catch (RequestWorkflowException ex)
        {
            throw new ValidationException("ConfirmedOn", ex.Message);
        }
        record.ConfirmedOn = on.ToDateOnly();
        await store.ApplyAsync(record, domain, ct);
        store.AddEvent(actor, record, "request.confirm", on, $"确认收到申请，收到申请之日 {on:yyyy-MM-dd}（{record.Channel.ReceiptRule()}）；答复期限 {record.DueOn:yyyy-MM-dd}。");
        audit.Record(actor, "request.confirm", "Request", record.Id, $"{record.TrackingCode} 收到申请之日 {on:yyyy-MM-dd}", record.AgencyId);
        await store.SaveAsync(ct);
        await notifier.NotifyAsync(record, "request.confirm", ct);
        return record;
    }

    public Task<RequestRecord> RequestCorrectionAsync(StaffContext actor, long id, DateOnly? noticeOn, DateOnly? dueOn, string? content, CancellationToken ct = default)
    {
        if (dueOn is null)
        {
            throw new ValidationException("DueOn", "请填写补正期限。");
        }
        InputBounds.RequireDate("DueOn", dueOn, clock.Today);
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ValidationException("Content", "请写明需要补正的事项（条例第三十条：一次性告知）。");
        }
        return store.StepAsync(actor, id, "request.correction", noticeOn, (c, cal, on) => c.RequestCorrection(on, LocalDate.FromDateOnly(dueOn.Value), cal),
            (n, on) => $"发出补正通知，补正期限至 {dueOn:yyyy-MM-dd}（条例第三十条）。",
            r => r.Corrections[^1].Content = content.Trim(), ct);
    }

    public Task<RequestRecord> ReceiveCorrectionAsync(StaffContext actor, long id, DateOnly? on, bool lateWithGoodReason, CancellationToken ct = default) =>
        store.StepAsync(actor, id, "request.corrected", on, (c, _, d) => c.ReceiveCorrection(d, lateWithGoodReason),
            (n, d) => $"收到补正后的申请，答复期限自 {d:yyyy-MM-dd} 起重新计算，至 {{due}}（条例第三十条）。", null, ct);

    public Task<RequestRecord> CloseForNoCorrectionAsync(StaffContext actor, long id, CancellationToken ct = default) =>
        store.StepAsync(actor, id, "request.close-no-correction", null, (c, _, d) => c.CloseForNoCorrection(d),
            (n, d) => "申请人无正当理由逾期不补正，视为放弃申请，不再处理（条例第三十条）。", null, ct);

    public Task<RequestRecord> StartConsultationAsync(StaffContext actor, long id, PauseKind kind, DateOnly? on, string? counterparty, CancellationToken ct = default)
    {
        InputBounds.RequireDefined("Kind", kind, "请选择征求第三方意见或征求其他机关意见。");
        return store.StepAsync(actor, id, "request.consult", on, (c, cal, d) => c.StartConsultation(kind, d, cal),
            (n, d) => kind == PauseKind.ThirdPartyConsultation
                ? "书面征求第三方意见，征求意见时间不计入答复期限（条例第三十二条、第三十三条第三款）。"
                : "征求其他机关意见，征求意见时间不计入答复期限（条例第三十四条、第三十三条第三款）。",
            r => r.Pauses[^1].Counterparty = string.IsNullOrWhiteSpace(counterparty) ? null : counterparty.Trim(), ct);
    }

    public Task<RequestRecord> EndConsultationAsync(StaffContext actor, long id, DateOnly? on, CancellationToken ct = default) =>
        store.StepAsync(actor, id, "request.consult-end", on, (c, _, d) => c.EndConsultation(d),
            (n, d) => $"征求意见结束，答复期限顺延至 {{due}}。", null, ct);

    public Task<RequestRecord> ExtendAsync(StaffContext actor, long id, DateOnly? on, int workingDays, string? approvedBy, string? reason, CancellationToken ct = default) =>
        store.StepAsync(actor, id, "request.extend", on, (c, cal, d) => c.Extend(d, workingDays, approvedBy ?? "", reason ?? "", cal),
            (n, d) => $"经政府信息公开工作机构负责人同意，延长答复期限{workingDays}个工作日，至 {{due}}（条例第三十三条第二款）。", null, ct);

    public Task<RequestRecord> DecideAsync(StaffContext actor, long id, string? outcomeKey, DateOnly? on, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(outcomeKey))
        {
            throw new ValidationException("Outcome", "请选择办理结果。");
        }
        RequestOutcome outcome;
        try
        {
            outcome = RequestOutcomes.ByKey(outcomeKey);
        }
        catch (RequestWorkflowException ex)
        {
            throw new ValidationException("Outcome", ex.Message);
        }
        if (outcome.Group is OutcomeGroup.PartlyDisclosed or OutcomeGroup.Withheld or OutcomeGroup.CannotProvide or OutcomeGroup.NotProcessed
            && string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationException("Reason", "不予公开、部分公开、无法提供或不予处理的，应当告知理由（条例第三十六条）。");
        }
        return store.StepAsync(actor, id, "request.decide", on, (c, _, d) => c.Decide(outcome, d),
            (n, d) => $"作出答复决定：{outcome.Label}{(outcome.Article is null ? "" : "（" + outcome.Article + "）")}。",
            r => r.DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ct);
    }

    public Task<RequestRecord> AnswerAsync(StaffContext actor, long id, DateOnly? on, CancellationToken ct = default) =>
        store.StepAsync(actor, id, "request.answer", on, (c, _, d) => c.Answer(d),
            (n, d) => $"答复送达申请人（{d:yyyy-MM-dd}）。", null, ct);

    /// <summary>
    /// The applicant submits the correction online from the tracking page (code + secret). Received today: the answer
    /// period starts again from the day the corrected request is received (条例第三十条).
    /// </summary>
    public async Task<RequestRecord> SubmitCorrectionOnlineAsync(string? code, string? secret, string? correction, string? ipAddress, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(secret))
        {
            throw new NotFoundException("查询码或查询密码不正确。");
        }
        var record = await store.FindByTrackingCodeAsync(code, ct);
        if (record is null || !TrackingSecrets.Matches(record, secret))
        {
            throw new NotFoundException("查询码或查询密码不正确。");
        }
        if (string.IsNullOrWhiteSpace(correction))
        {
            throw new ValidationException("Correction", "请填写补正后的申请内容。");
        }
        if (correction.Length > 4000)
        {
            throw new ValidationException("Correction", "补正内容不能超过4000字。");
        }
        if (record.State != RequestState.AwaitingCorrection)
        {
            throw new ValidationException("Correction", "该申请当前不需要补正。");
        }
        var applicant = new StaffContext("applicant", "申请人", record.AgencyId, new HashSet<string>(), ipAddress);
        return await store.StepAsync(applicant, record, "request.corrected", null, (c, _, d) => c.ReceiveCorrection(d, false),
            (n, d) => $"申请人在线提交补正，答复期限自 {d:yyyy-MM-dd} 起重新计算，至 {{due}}（条例第三十条）。",
            r => r.Corrections[^1].Reply = correction.Trim(), ct);
    }
}
