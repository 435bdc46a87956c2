using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>A step a clerk can take on a case: one per transition of <see cref="RequestCase"/>, plus the confirmation of receipt.</summary>
public enum CaseStep
{
    /// <summary>确认收到申请 — 条例第三十一条: for online, fax, e-mail and 平信 applications the confirmation day is the receipt day.</summary>
    ConfirmReceipt = 1,
    /// <summary>补正通知 — 条例第三十条.</summary>
    RequestCorrection,
    /// <summary>收到补正 — 条例第三十条.</summary>
    ReceiveCorrection,
    /// <summary>逾期未补正，终止办理 — 条例第三十条.</summary>
    CloseForNoCorrection,
    /// <summary>征求意见 — 条例第三十二条、第三十四条.</summary>
    StartConsultation,
    /// <summary>结束征求意见 — 条例第三十三条第三款.</summary>
    EndConsultation,
    /// <summary>延长答复期限 — 条例第三十三条第二款.</summary>
    Extend,
    /// <summary>收费通知 — 国办函〔2020〕109号.</summary>
    IssueFeeNotice,
    /// <summary>登记缴费.</summary>
    RecordPayment,
    /// <summary>逾期未缴费，终止办理.</summary>
    CloseForNonPayment,
    /// <summary>答复决定 — 条例第三十六条.</summary>
    Decide,
    /// <summary>答复送达.</summary>
    Answer,
}

/// <summary>
/// Which steps a case offers in its state, and which is the likely next one. The clerk's case page shows the first as an
/// open form and the rest collapsed. A step offered here is one <see cref="RequestCase"/> would accept today; one it
/// would refuse whatever is typed (a second extension, closing before the 补正 period ends) is not offered.
/// </summary>
public static class CaseSteps
{
    private sealed record Row(CaseStep Step, RequestState[] States, Func<RequestCase, LocalDate, bool>? When = null);

    private const RequestState Received = RequestState.Received;
    private const RequestState Extended = RequestState.Extended;

    /// <summary>
    /// One line per step, in order of likelihood within a state: the first row that applies is the likely next step.
    /// Adding a step is adding a line.
    /// </summary>
    private static readonly Row[] Table =
    [
        // The applicant let the period pass: closing is what is left to do (逾期补正 with a good reason stays possible).
        new(CaseStep.CloseForNoCorrection, [RequestState.AwaitingCorrection], (c, today) => today > c.Corrections[^1].DueOn),
        new(CaseStep.ReceiveCorrection, [RequestState.AwaitingCorrection]),
        new(CaseStep.EndConsultation, [RequestState.ThirdPartyConsultation, RequestState.InterAgencyConsultation]),
        new(CaseStep.CloseForNonPayment, [RequestState.AwaitingPayment], (c, today) => today > c.Fee!.PaymentDueOn),
        new(CaseStep.RecordPayment, [RequestState.AwaitingPayment], (c, today) => today <= c.Fee!.PaymentDueOn),
        new(CaseStep.Answer, [RequestState.Decided]),
        new(CaseStep.Decide, [Received, Extended]),
        // 条例第三十条: within 7 working days of receipt, once (twice in practice), before any consultation or fee notice.
        new(CaseStep.RequestCorrection, [Received], (c, _) => c.Pauses.Count == 0 && c.Fee is null && c.Corrections.Count < RequestCase.MaxCorrectionNotices),
        new(CaseStep.StartConsultation, [Received, Extended]),
        new(CaseStep.Extend, [Received], (c, _) => c.Extension is null),
        new(CaseStep.IssueFeeNotice, [Received, Extended], (c, _) => c.Fee is null),
    ];

    /// <summary>
    /// The steps <paramref name="current"/> offers on <paramref name="today"/>, the likely next one first. A case not yet
    /// received (null: its receipt awaits the office's confirmation, 条例第三十一条) offers only <see cref="CaseStep.ConfirmReceipt"/>;
    /// a final case offers none.
    /// </summary>
    public static IReadOnlyList<CaseStep> Offered(RequestCase? current, LocalDate today) =>
        current is null
            ? [CaseStep.ConfirmReceipt]
            : [.. Table.Where(r => r.States.Contains(current.State) && (r.When is null || r.When(current, today))).Select(r => r.Step)];

    /// <summary>What the step is called on the case page.</summary>
    public static string Label(this CaseStep step) => step switch
    {
        CaseStep.ConfirmReceipt => "确认收到申请",
        CaseStep.RequestCorrection => "补正通知",
        CaseStep.ReceiveCorrection => "收到补正",
        CaseStep.CloseForNoCorrection => "逾期未补正，终止办理",
        CaseStep.StartConsultation => "征求意见",
        CaseStep.EndConsultation => "结束征求意见",
        CaseStep.Extend => "延长答复期限",
        CaseStep.IssueFeeNotice => "信息处理费",
        CaseStep.RecordPayment => "登记缴费",
        CaseStep.CloseForNonPayment => "逾期未缴费，终止办理",
        CaseStep.Decide => "答复决定",
        CaseStep.Answer => "答复送达",
        _ => step.ToString(),
    };

    /// <summary>The likely next step, or null when the case is finished.</summary>
    public static CaseStep? Next(RequestCase? current, LocalDate today) => Offered(current, today) is [var first, ..] ? first : null;
}
