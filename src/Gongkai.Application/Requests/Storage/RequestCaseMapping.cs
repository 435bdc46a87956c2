using System.Text.Json;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Application.Requests.Storage;

/// <summary>Between the rows of a case (<see cref="RequestRecord"/>) and the domain <see cref="RequestCase"/>, both ways.</summary>
public static class RequestCaseMapping
{
    /// <summary>
    /// The domain case as stored, validated by <see cref="RequestCase.Rehydrate"/>. Only for a received case: one still
    /// awaiting the office's confirmation (条例第三十一条) has no receipt date and no domain case yet.
    /// </summary>
    /// <exception cref="InvalidOperationException">The case has not been received yet.</exception>
    /// <exception cref="InconsistentCaseException">The rows hold a state no sequence of steps can produce.</exception>
    public static RequestCase ToDomain(RequestRecord r)
    {
        if (r.State is not { } state || r.ReceivedOn is not { } received)
        {
            throw new InvalidOperationException($"Request {r.Id} has not been received yet: it has no domain case.");
        }
        return RequestCase.Rehydrate(
            r.Channel,
            r.ApplicantType,
            state,
            receivedOn: LocalDate.FromDateOnly(received),
            clockStartOn: Required(r.ClockStartOn, "计时起算日"),
            lastStepOn: Required(r.LastStepOn, "最后办理日期"),
            corrections: [.. r.Corrections.OrderBy(c => c.Seq).Select(c => new CorrectionNotice(
                LocalDate.FromDateOnly(c.NoticeOn), LocalDate.FromDateOnly(c.DueOn), Local(c.CorrectedOn)))],
            pauses: [.. r.Pauses.OrderBy(p => p.Seq).Select(p => new ClockPause(p.Kind, LocalDate.FromDateOnly(p.From), Local(p.To)))],
            extension: r.ExtensionApprovedOn is { } ext
                ? new DeadlineExtension(LocalDate.FromDateOnly(ext), r.ExtensionWorkingDays ?? 0, r.ExtensionApprovedBy ?? "", r.ExtensionReason ?? "")
                : null,
            fee: r.FeeNoticeReceivedOn is { } feeOn
                ? new FeeNotice(LocalDate.FromDateOnly(feeOn),
                    new FeeAssessment(r.FeeMethod ?? FeeMethod.PerItem, r.FeeQuantity ?? 0, r.FeePriorQuantity ?? 0,
                        JsonSerializer.Deserialize<List<FeeBand>>(r.FeeBandsJson ?? "[]") ?? []),
                    Required(r.FeePaymentDueOn, "缴费期限"), Local(r.FeePaidOn))
                : null,
            outcome: r.OutcomeKey is { } key ? OutcomeOf(key) : null,
            decidedOn: Local(r.DecidedOn),
            answeredOn: Local(r.AnsweredOn),
            closedOn: Local(r.ClosedOn),
            reasonableDeadline: r.ReasonableDeadlineOn is { } reasonable
                ? new ReasonableDeadline(Required(r.ReasonableDeadlineDecidedOn, "合理期限决定日期"), LocalDate.FromDateOnly(reasonable),
                    r.ReasonableDeadlineDecidedBy ?? "", r.ReasonableDeadlineReason ?? "")
                : null);
    }

    /// <summary>Writes the domain case onto the rows (everything except the due date, which needs the calendar).</summary>
    public static void CopyTo(RequestCase c, RequestRecord r)
    {
        r.State = c.State;
        r.ReceivedOn = c.ReceivedOn.ToDateOnly();
        r.ReceivedYear = c.ReceivedOn.Year;
        r.ClockStartOn = c.ClockStartOn.ToDateOnly();
        r.LastStepOn = c.LastStepOn.ToDateOnly();
        for (var i = 0; i < c.Corrections.Count; i++)
        {
            var n = c.Corrections[i];
            if (i == r.Corrections.Count)
            {
                r.Corrections.Add(new RequestCorrectionRow { Seq = i + 1 });
            }
            r.Corrections[i].NoticeOn = n.NoticeOn.ToDateOnly();
            r.Corrections[i].DueOn = n.DueOn.ToDateOnly();
            r.Corrections[i].CorrectedOn = n.CorrectedOn?.ToDateOnly();
        }
        for (var i = 0; i < c.Pauses.Count; i++)
        {
            var p = c.Pauses[i];
            if (i == r.Pauses.Count)
            {
                r.Pauses.Add(new RequestPauseRow { Seq = i + 1 });
            }
            r.Pauses[i].Kind = p.Kind;
            r.Pauses[i].From = p.From.ToDateOnly();
            r.Pauses[i].To = p.To?.ToDateOnly();
        }
        r.ExtensionApprovedOn = c.Extension?.ApprovedOn.ToDateOnly();
        r.ExtensionWorkingDays = c.Extension?.WorkingDays;
        r.ExtensionApprovedBy = c.Extension?.ApprovedBy;
        r.ExtensionReason = c.Extension?.Reason;
        r.ReasonableDeadlineOn = c.ReasonableDeadline?.DueOn.ToDateOnly();
        r.ReasonableDeadlineDecidedOn = c.ReasonableDeadline?.DecidedOn.ToDateOnly();
        r.ReasonableDeadlineDecidedBy = c.ReasonableDeadline?.DecidedBy;
        r.ReasonableDeadlineReason = c.ReasonableDeadline?.Reason;
        if (c.Fee is { } fee)
        {
            r.FeeNoticeReceivedOn = fee.ReceivedOn.ToDateOnly();
            r.FeeMethod = fee.Assessment.Method;
            r.FeeQuantity = fee.Assessment.Quantity;
            r.FeePriorQuantity = fee.Assessment.PriorQuantity;
            r.FeeAmountFen = fee.Assessment.AmountFen;
            r.FeeBandsJson = JsonSerializer.Serialize(fee.Assessment.Bands);
            r.FeePaymentDueOn = fee.PaymentDueOn.ToDateOnly();
            r.FeePaidOn = fee.PaidOn?.ToDateOnly();
        }
        r.ApplicantDueOn = c.State switch
        {
            RequestState.AwaitingCorrection => c.Corrections[^1].DueOn.ToDateOnly(),
            RequestState.AwaitingPayment => c.Fee?.PaymentDueOn.ToDateOnly(),
            _ => null,
        };
        r.OutcomeKey = c.Outcome?.Key;
        r.DecidedOn = c.DecidedOn?.ToDateOnly();
        r.AnsweredOn = c.AnsweredOn?.ToDateOnly();
        r.ClosedOn = c.ClosedOn?.ToDateOnly();
        r.FinishedOn = (c.AnsweredOn ?? c.ClosedOn)?.ToDateOnly();
    }

    /// <summary>The Art. 31 facts as recorded at intake.</summary>
    public static ReceiptFacts Facts(RequestRecord r) => new(Local(r.SubmittedOn), Local(r.SignedForOn), Local(r.ConfirmedOn));

    public static LocalDate? Local(DateOnly? d) => d is { } v ? LocalDate.FromDateOnly(v) : null;

    private static LocalDate Required(DateOnly? d, string what) =>
        d is { } v ? LocalDate.FromDateOnly(v) : throw new InconsistentCaseException($"存储的申请状态不一致：缺少{what}。");

    private static RequestOutcome OutcomeOf(string key)
    {
        try
        {
            return RequestOutcomes.ByKey(key);
        }
        catch (RequestWorkflowException)
        {
            throw new InconsistentCaseException($"存储的申请状态不一致：未知的办理结果“{key}”。");
        }
    }
}
