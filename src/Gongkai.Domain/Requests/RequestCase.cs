using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>A step refused by the 依申请公开 rules; <see cref="Exception.Message"/> is shown to staff as is.</summary>
public sealed class RequestWorkflowException(string message) : Exception(message);

/// <summary>Where a request (依申请公开) stands.</summary>
public enum RequestState
{
    /// <summary>办理中 — received (or corrected), the answer clock is running.</summary>
    Received = 1,
    /// <summary>待补正 — 条例第三十条: a correction notice was sent; the clock restarts when the correction arrives.</summary>
    AwaitingCorrection = 2,
    /// <summary>征求第三方意见 — 条例第三十二条; time excluded from the deadline (第三十三条第三款).</summary>
    ThirdPartyConsultation = 3,
    /// <summary>征求其他机关意见 — 条例第三十四条; time excluded from the deadline (第三十三条第三款).</summary>
    InterAgencyConsultation = 4,
    /// <summary>办理中（已延期） — 条例第三十三条第二款: extended once, by at most 20 working days.</summary>
    Extended = 5,
    /// <summary>待缴费 — a 收费通知 was sent (国办函〔2020〕109号); processing waits for payment.</summary>
    AwaitingPayment = 6,
    /// <summary>已决定 — the outcome is fixed; the answer letter is being issued.</summary>
    Decided = 7,
    /// <summary>已答复 — the answer has been served. Final.</summary>
    Answered = 8,
    /// <summary>已终止（视为放弃申请） — no correction or no payment in time. Final.</summary>
    ClosedAbandoned = 9,
}

public static class RequestStates
{
    public static string Label(this RequestState state) => state switch
    {
        RequestState.Received => "办理中",
        RequestState.AwaitingCorrection => "待补正",
        RequestState.ThirdPartyConsultation => "征求第三方意见",
        RequestState.InterAgencyConsultation => "征求其他机关意见",
        RequestState.Extended => "办理中（已延期）",
        RequestState.AwaitingPayment => "待缴费",
        RequestState.Decided => "已决定",
        RequestState.Answered => "已答复",
        RequestState.ClosedAbandoned => "已终止（视为放弃申请）",
        _ => state.ToString(),
    };

    public static bool IsFinal(this RequestState state) => state is RequestState.Answered or RequestState.ClosedAbandoned;
}

/// <summary>Why the deadline clock stood still.</summary>
public enum PauseKind
{
    /// <summary>征求第三方意见（条例第三十二条、第三十三条第三款）.</summary>
    ThirdPartyConsultation = 1,
    /// <summary>征求其他机关意见（条例第三十四条、第三十三条第三款）.</summary>
    InterAgencyConsultation = 2,
    /// <summary>收费通知至缴费（国办函〔2020〕109号; exclusion UNVERIFIED, see <see cref="DeadlinePolicy.FeePeriodRemark"/>）.</summary>
    FeePayment = 3,
}

/// <summary>A period the answer clock stood still: working days in (<see cref="From"/>, <see cref="To"/>] are excluded; To is null while open.</summary>
public sealed record ClockPause(PauseKind Kind, LocalDate From, LocalDate? To);

/// <summary>A 补正 notice (条例第三十条) and, once it arrives, the date of the corrected request.</summary>
public sealed record CorrectionNotice(LocalDate NoticeOn, LocalDate DueOn, LocalDate? CorrectedOn);

/// <summary>条例第三十三条第二款: the one extension, approved by the head of the disclosure office and notified to the applicant.</summary>
public sealed record DeadlineExtension(LocalDate ApprovedOn, int WorkingDays, string ApprovedBy, string Reason);

/// <summary>The 收费通知: its receipt by the applicant starts the 20-working-day payment period (counted from the next day).</summary>
public sealed record FeeNotice(LocalDate ReceivedOn, FeeAssessment Assessment, LocalDate PaymentDueOn, LocalDate? PaidOn);

/// <summary>
/// A request case (依申请公开). Immutable: each step validates against the 条例 and returns the next case.
/// Pure rules; the caller persists it and writes the audit entry (条例第四十五条).
/// </summary>
public sealed partial record RequestCase
{
    /// <summary>条例第三十条: the 补正 notice must go out within 7 working days of receipt.</summary>
    public const int CorrectionNoticeWorkingDays = 7;

    /// <summary>补正 is notified once (条例第三十条); practice allows a second notice if the corrected request is still unclear.</summary>
    public const int MaxCorrectionNotices = 2;

    /// <summary>条例第三十三条第二款: the extension is at most 20 working days.</summary>
    public const int MaxExtensionWorkingDays = 20;

    /// <summary>国办函〔2020〕109号: payment within 20 working days from the day after the notice is received.</summary>
    public const int PaymentWorkingDays = 20;

    private RequestCase()
    {
    }

    public required SubmissionChannel Channel { get; init; }
    public required ApplicantType ApplicantType { get; init; }

    /// <summary>收到申请之日 per 条例第三十一条.</summary>
    public required LocalDate ReceivedOn { get; init; }

    public required RequestState State { get; init; }

    /// <summary>The day the answer clock (re)started: receipt, or receipt of the corrected request (条例第三十条).</summary>
    public required LocalDate ClockStartOn { get; init; }

    /// <summary>The latest date any step was recorded on; steps never go back in time.</summary>
    public required LocalDate LastStepOn { get; init; }

    public IReadOnlyList<CorrectionNotice> Corrections { get; init; } = [];
    public IReadOnlyList<ClockPause> Pauses { get; init; } = [];
    public DeadlineExtension? Extension { get; init; }
    public FeeNotice? Fee { get; init; }

    /// <summary>条例第三十五条: the later deadline fixed for an applicant's many repeated requests, if any.</summary>
    public ReasonableDeadline? ReasonableDeadline { get; init; }
    public RequestOutcome? Outcome { get; init; }
    public LocalDate? DecidedOn { get; init; }
    public LocalDate? AnsweredOn { get; init; }
    public LocalDate? ClosedOn { get; init; }

    /// <summary>A new case, received on the day 条例第三十一条 gives for its channel.</summary>
    public static RequestCase Receive(SubmissionChannel channel, ReceiptFacts facts, ApplicantType applicantType)
    {
        if (!Enum.IsDefined(applicantType))
        {
            throw new RequestWorkflowException("请选择申请人类型。");
        }
        var receivedOn = channel.ReceiptDate(facts);
        return new RequestCase
        {
            Channel = channel,
            ApplicantType = applicantType,
            ReceivedOn = receivedOn,
            ClockStartOn = receivedOn,
            LastStepOn = receivedOn,
            State = RequestState.Received,
        };
    }

    /// <summary>While processing, the state a case returns to after a pause: extended or not.</summary>
    private RequestState Processing => Extension is null ? RequestState.Received : RequestState.Extended;

    private bool IsProcessing => State is RequestState.Received or RequestState.Extended;

    /// <summary>
    /// Whether the answer clock runs today. 条例第三十三条 is a period to 答复 — to serve the answer — so a decided case not
    /// yet served still runs and can be late; paused, awaiting-correction and finished cases do not.
    /// </summary>
    public bool ClockRuns => IsProcessing || State == RequestState.Decided;

    /// <summary>
    /// Whether the stored due date can pass and belongs on the deadline dashboard: the clock runs, or a consultation is
    /// open — its excluded time is capped at the consulted party's 15 working days (条例第三十二条、第三十四条), so the
    /// due date is fixed even while it lasts.
    /// </summary>
    public bool HasLiveDueDate => ClockRuns || State is RequestState.ThirdPartyConsultation or RequestState.InterAgencyConsultation;

    /// <summary>条例第三十条: notify the applicant once, within 7 working days of receipt, what to correct and by when.</summary>
    public RequestCase RequestCorrection(LocalDate noticeOn, LocalDate dueOn, WorkingDayCalendar calendar)
    {
        RequireState("发出补正通知", RequestState.Received);
        if (Pauses.Count > 0 || Fee is not null)
        {
            throw new RequestWorkflowException("已征求意见或已发出收费通知的申请不能再要求补正：补正应在受理之初提出。");
        }
        if (Corrections.Count >= MaxCorrectionNotices)
        {
            throw new RequestWorkflowException("补正通知已发出两次；补正后申请内容仍不明确的，应作出“补正后申请内容仍不明确”的答复。");
        }
        RequireNotBefore(noticeOn, "补正通知日期");
        var latest = calendar.AddWorkingDays(ClockStartOn, CorrectionNoticeWorkingDays);
        if (noticeOn > latest)
        {
            throw new RequestWorkflowException($"补正通知应在收到申请之日起7个工作日内发出（最迟 {latest:yyyy-MM-dd}，条例第三十条）。");
        }
        if (dueOn <= noticeOn)
        {
            throw new RequestWorkflowException("补正期限必须晚于补正通知日期。");
        }
        return this with
        {
            State = RequestState.AwaitingCorrection,
            Corrections = [.. Corrections, new CorrectionNotice(noticeOn, dueOn, null)],
            LastStepOn = noticeOn,
        };
    }

    /// <summary>
    /// 条例第三十条: the corrected request arrives; the answer period is counted afresh from this day. A late correction
    /// is accepted only with a good reason (无正当理由逾期不补正 is what abandons the request).
    /// </summary>
    public RequestCase ReceiveCorrection(LocalDate correctedOn, bool lateWithGoodReason = false)
    {
        RequireState("接收补正材料", RequestState.AwaitingCorrection);
        RequireNotBefore(correctedOn, "补正日期");
        var notice = Corrections[^1];
        if (correctedOn > notice.DueOn && !lateWithGoodReason)
        {
            throw new RequestWorkflowException($"补正期限已于 {notice.DueOn:yyyy-MM-dd} 届满；无正当理由逾期补正的，视为放弃申请（条例第三十条）。");
        }
        return this with
        {
            State = RequestState.Received,
            ClockStartOn = correctedOn,
            Corrections = [.. Corrections.Take(Corrections.Count - 1), notice with { CorrectedOn = correctedOn }],
            LastStepOn = correctedOn,
        };
    }

    /// <summary>条例第三十条: no correction by the due date ⇒ deemed abandoned; processing stops.</summary>
    public RequestCase CloseForNoCorrection(LocalDate today)
    {
        RequireState("终止办理（逾期未补正）", RequestState.AwaitingCorrection);
        var notice = Corrections[^1];
        if (today <= notice.DueOn)
        {
            throw new RequestWorkflowException($"补正期限至 {notice.DueOn:yyyy-MM-dd} 届满，届满前不能按逾期不补正终止。");
        }
        return Close(RequestOutcomes.NoCorrection, today);
    }

    /// <summary>条例第三十二条、第三十四条: consult a third party or another agency; the time is excluded from the deadline (第三十三条第三款).</summary>
    public RequestCase StartConsultation(PauseKind kind, LocalDate startedOn, WorkingDayCalendar calendar)
    {
        if (kind is not (PauseKind.ThirdPartyConsultation or PauseKind.InterAgencyConsultation))
        {
            throw new RequestWorkflowException("征求意见只能是征求第三方意见或征求其他机关意见。");
        }
        RequireProcessing(kind == PauseKind.ThirdPartyConsultation ? "征求第三方意见" : "征求其他机关意见");
        RequireNotBefore(startedOn, "征求意见日期");
        RequireWithinDeadline(startedOn, calendar, "征求意见");
        return this with
        {
            State = kind == PauseKind.ThirdPartyConsultation ? RequestState.ThirdPartyConsultation : RequestState.InterAgencyConsultation,
            Pauses = [.. Pauses, new ClockPause(kind, startedOn, null)],
            LastStepOn = startedOn,
        };
    }

    /// <summary>The reply (or the 15-working-day silence) ends the consultation; the clock runs again from the next day.</summary>
    public RequestCase EndConsultation(LocalDate endedOn)
    {
        if (State is not (RequestState.ThirdPartyConsultation or RequestState.InterAgencyConsultation))
        {
            throw Illegal("结束征求意见");
        }
        RequireNotBefore(endedOn, "征求意见结束日期");
        return this with
        {
            State = Processing,
            Pauses = [.. Pauses.Take(Pauses.Count - 1), Pauses[^1] with { To = endedOn }],
            LastStepOn = endedOn,
        };
    }

    /// <summary>条例第三十三条第二款: one extension of at most 20 working days, approved by the office head, within the running deadline.</summary>
    public RequestCase Extend(LocalDate approvedOn, int workingDays, string approvedBy, string reason, WorkingDayCalendar calendar)
    {
        if (State == RequestState.Extended || (Extension is not null && !State.IsFinal()))
        {
            throw new RequestWorkflowException("答复期限只能延长一次（条例第三十三条第二款）。");
        }
        RequireState("延长答复期限", RequestState.Received);
        if (workingDays is < 1 or > MaxExtensionWorkingDays)
        {
            throw new RequestWorkflowException("延长的期限为1至20个工作日（条例第三十三条第二款）。");
        }
        if (string.IsNullOrWhiteSpace(approvedBy))
        {
            throw new RequestWorkflowException("延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人。");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestWorkflowException("请填写延长答复期限的理由（须告知申请人）。");
        }
        RequireNotBefore(approvedOn, "延期批准日期");
        RequireWithinDeadline(approvedOn, calendar, "延长答复期限");
        return this with
        {
            State = RequestState.Extended,
            Extension = new DeadlineExtension(approvedOn, workingDays, approvedBy.Trim(), reason.Trim()),
            LastStepOn = approvedOn,
        };
    }

    /// <summary>
    /// 国办函〔2020〕109号: a 收费通知, sent within the answer period, for a chargeable (not free) amount; once per request.
    /// The 20-working-day payment period runs from the day after the applicant receives it.
    /// </summary>
    public RequestCase IssueFeeNotice(LocalDate receivedOn, FeeAssessment assessment, WorkingDayCalendar calendar)
    {
        RequireProcessing("发出收费通知");
        if (Fee is not null)
        {
            throw new RequestWorkflowException("一件申请只能发出一次收费通知。");
        }
        if (assessment.IsFree)
        {
            throw new RequestWorkflowException("未超过免费额度的申请不收费，不能发出收费通知（国办函〔2020〕109号）。");
        }
        RequireNotBefore(receivedOn, "收费通知送达日期");
        if (ReceivedOn < InformationProcessingFee.InForceFrom)
        {
            throw new RequestWorkflowException("2021年1月1日前收到的申请不收取信息处理费（国办函〔2020〕109号）。");
        }
        RequireWithinDeadline(receivedOn, calendar, "发出收费通知");
        var paymentDue = calendar.AddWorkingDays(receivedOn, PaymentWorkingDays);
        return this with
        {
            State = RequestState.AwaitingPayment,
            Fee = new FeeNotice(receivedOn, assessment, paymentDue, null),
            Pauses = [.. Pauses, new ClockPause(PauseKind.FeePayment, receivedOn, null)],
            LastStepOn = receivedOn,
        };
    }

    /// <summary>Payment within the period: processing continues from the next day.</summary>
    public RequestCase RecordPayment(LocalDate paidOn)
    {
        RequireState("登记缴费", RequestState.AwaitingPayment);
        RequireNotBefore(paidOn, "缴费日期");
        var fee = Fee!;
        if (paidOn > fee.PaymentDueOn)
        {
            throw new RequestWorkflowException($"缴费期限已于 {fee.PaymentDueOn:yyyy-MM-dd} 届满，逾期缴费视为放弃申请（国办函〔2020〕109号）。");
        }
        return this with
        {
            State = Processing,
            Fee = fee with { PaidOn = paidOn },
            Pauses = [.. Pauses.Take(Pauses.Count - 1), Pauses[^1] with { To = paidOn }],
            LastStepOn = paidOn,
        };
    }

    /// <summary>No payment within 20 working days ⇒ deemed abandoned; processing stops.</summary>
    public RequestCase CloseForNonPayment(LocalDate today)
    {
        RequireState("终止办理（逾期未缴费）", RequestState.AwaitingPayment);
        var fee = Fee!;
        if (today <= fee.PaymentDueOn)
        {
            throw new RequestWorkflowException($"缴费期限至 {fee.PaymentDueOn:yyyy-MM-dd} 届满，届满前不能按逾期未缴费终止。");
        }
        return Close(RequestOutcomes.FeeNotPaid, today) with
        {
            Pauses = [.. Pauses.Take(Pauses.Count - 1), Pauses[^1] with { To = fee.PaymentDueOn }],
        };
    }

    /// <summary>
    /// The decision (one outcome, 条例第三十六条). Not while the case waits for a correction, a consultation or a payment;
    /// the two "deemed abandoned" rows come only from <see cref="CloseForNoCorrection"/> and <see cref="CloseForNonPayment"/>.
    /// </summary>
    public RequestCase Decide(RequestOutcome outcome, LocalDate decidedOn)
    {
        switch (State)
        {
            case RequestState.ThirdPartyConsultation or RequestState.InterAgencyConsultation:
                throw new RequestWorkflowException("征求意见期间不能作出答复决定，请先登记意见回复或征求期限届满。");
            case RequestState.AwaitingCorrection:
                throw new RequestWorkflowException("等待补正期间不能作出答复决定。");
            case RequestState.AwaitingPayment:
                throw new RequestWorkflowException("等待缴费期间不能作出答复决定。");
        }
        RequireProcessing("作出答复决定");
        if (!RequestOutcomes.All.Contains(outcome))
        {
            throw new RequestWorkflowException($"未知的办理结果：{outcome.Label}");
        }
        if (outcome == RequestOutcomes.NoCorrection || outcome == RequestOutcomes.FeeNotPaid)
        {
            throw new RequestWorkflowException("逾期不补正或逾期未缴费的，请使用相应的终止办理操作。");
        }
        if (outcome == RequestOutcomes.UnclearAfterCorrection && !Corrections.Any(c => c.CorrectedOn is not null))
        {
            throw new RequestWorkflowException("只有经过补正的申请才能以“补正后申请内容仍不明确”答复（条例第三十条）。");
        }
        if (decidedOn < ReceivedOn)
        {
            throw new RequestWorkflowException("决定日期不能早于收到申请之日。");
        }
        RequireNotBefore(decidedOn, "决定日期");
        return this with { State = RequestState.Decided, Outcome = outcome, DecidedOn = decidedOn, LastStepOn = decidedOn };
    }

    /// <summary>The answer letter is served (条例第三十六条).</summary>
    public RequestCase Answer(LocalDate answeredOn)
    {
        RequireState("送达答复", RequestState.Decided);
        RequireNotBefore(answeredOn, "答复日期");
        return this with { State = RequestState.Answered, AnsweredOn = answeredOn, LastStepOn = answeredOn };
    }

    private RequestCase Close(RequestOutcome outcome, LocalDate today) => this with
    {
        State = RequestState.ClosedAbandoned,
        Outcome = outcome,
        ClosedOn = today,
        LastStepOn = today,
    };

    private void RequireState(string action, RequestState required)
    {
        if (State != required)
        {
            throw Illegal(action);
        }
    }

    private void RequireProcessing(string action)
    {
        if (!IsProcessing)
        {
            throw Illegal(action);
        }
    }

    private RequestWorkflowException Illegal(string action) => new($"当前状态（{State.Label()}）不能{action}。");

    private void RequireNotBefore(LocalDate date, string what)
    {
        if (date < ReceivedOn)
        {
            throw new RequestWorkflowException($"{what}不能早于收到申请之日（{ReceivedOn:yyyy-MM-dd}）。");
        }
        if (date < LastStepOn)
        {
            throw new RequestWorkflowException($"{what}不能早于上一步办理日期（{LastStepOn:yyyy-MM-dd}）。");
        }
    }

    // Pauses and the extension act on a running deadline: once it has passed they cannot stop or stretch it.
    private void RequireWithinDeadline(LocalDate date, WorkingDayCalendar calendar, string action)
    {
        var due = DeadlinePolicy.Compute(this, calendar, date, explain: false).DueOn;
        if (due is { } d && date > d)
        {
            throw new RequestWorkflowException($"答复期限已于 {d:yyyy-MM-dd} 届满，不能再{action}。");
        }
    }
}
