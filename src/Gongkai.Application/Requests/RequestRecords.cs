using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Requests;

/// <summary>
/// One request (依申请公开) as stored. The domain <see cref="RequestCase"/> is rebuilt from this row and its
/// <see cref="Corrections"/> and <see cref="Pauses"/> before every step, so the domain validates each transition;
/// the result is written back field by field. Applicant personal data are encrypted (the *Protected columns).
/// </summary>
public sealed class RequestRecord : Agencies.IAgencyOwned
{
    public long Id { get; set; }
    public int AgencyId { get; set; }

    /// <summary>Public tracking code (查询码); shown with the secret on the receipt.</summary>
    public required string TrackingCode { get; set; }

    /// <summary>SHA-256 of the tracking secret (high-entropy random, so a plain hash suffices).</summary>
    public required string SecretHash { get; set; }

    public ApplicantType ApplicantType { get; set; }
    public SubmissionChannel Channel { get; set; }

    /// <summary>The form's <see cref="RequestForm.SubmissionKey"/>: unique per agency, so one form makes one case.</summary>
    public Guid? SubmissionKey { get; set; }

    // Applicant (条例第二十九条第（一）项), encrypted at rest with an IDataProtector.
    public required string NameProtected { get; set; }

    /// <summary>The 身份证明 the number belongs to (条例第二十九条: any valid identity document, or an organisation's registration).</summary>
    public IdentityDocumentType IdDocumentType { get; set; } = IdentityDocumentType.ResidentIdCard;
    public required string IdNumberProtected { get; set; }

    /// <summary>An organisation's 法定代表人 or 联系人 (encrypted; null for a natural person).</summary>
    public string? ContactPersonProtected { get; set; }
    public string? PhoneProtected { get; set; }
    public string? AddressProtected { get; set; }
    public string? EmailProtected { get; set; }

    /// <summary>Masked forms for lists (张*, 110***********1234): never need decryption.</summary>
    public required string NameMasked { get; set; }
    public required string IdNumberMasked { get; set; }

    // 条例第二十九条第（二）项、第（三）项.
    public required string Description { get; set; }
    public string? DocumentNumber { get; set; }
    public required string WantedForm { get; set; }

    /// <summary>
    /// 件数: how many items (件) the application asks for. 国办函〔2020〕109号 counts an applicant's 件 per natural month, and an
    /// application asking for several items may be counted as several (一事一申请); 1 unless staff record more.
    /// </summary>
    public int ItemCount { get; set; } = 1;
    public required string Delivery { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>Facts 条例第三十一条 reads the receipt date from.</summary>
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? SignedForOn { get; set; }
    public DateOnly? ConfirmedOn { get; set; }

    /// <summary>Null until the receipt is established (online/fax/email and 平信 wait for the office's confirmation).</summary>
    public RequestState? State { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public int? ReceivedYear { get; set; }
    public DateOnly? ClockStartOn { get; set; }
    public DateOnly? LastStepOn { get; set; }

    public DateOnly? ExtensionApprovedOn { get; set; }
    public int? ExtensionWorkingDays { get; set; }
    public string? ExtensionApprovedBy { get; set; }
    public string? ExtensionReason { get; set; }

    /// <summary>条例第三十五条: the reasonable later deadline, when it was fixed, by whom and why.</summary>
    public DateOnly? ReasonableDeadlineOn { get; set; }
    public DateOnly? ReasonableDeadlineDecidedOn { get; set; }
    public string? ReasonableDeadlineDecidedBy { get; set; }
    public string? ReasonableDeadlineReason { get; set; }

    public DateOnly? FeeNoticeReceivedOn { get; set; }
    public FeeMethod? FeeMethod { get; set; }
    public int? FeeQuantity { get; set; }
    public int? FeePriorQuantity { get; set; }
    public long? FeeAmountFen { get; set; }
    public string? FeeBandsJson { get; set; }
    public DateOnly? FeePaymentDueOn { get; set; }
    public DateOnly? FeePaidOn { get; set; }

    public string? OutcomeKey { get; set; }
    public string? DecisionReason { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Answered or closed: the day the case left the workload (上年结转 counts cases with none by 31 December).</summary>
    public DateOnly? FinishedOn { get; set; }

    /// <summary>Due date as last computed, with the calendar version that computed it (reproducible after calendar changes).</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>
    /// The due date can pass: the clock runs (processing, or decided but not served), or a consultation is open (its
    /// excluded time is capped at 15 working days, so the date is fixed). What the deadline dashboard lists.
    /// </summary>
    public bool ClockRunning { get; set; }
    public string? CalendarVersion { get; set; }

    /// <summary>
    /// While the case waits on the applicant: the last day of the 补正 period (条例第三十条) or of the 20 working days to pay
    /// (国办函〔2020〕109号). Once it has passed the agency may close the case; the dashboard lists it.
    /// </summary>
    public DateOnly? ApplicantDueOn { get; set; }

    /// <summary>承办人: the staff account handling the case (same agency), with its display name when assigned; see Handling/CaseHandling.</summary>
    public string? HandlerId { get; set; }
    public string? HandlerName { get; set; }

    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<RequestCorrectionRow> Corrections { get; set; } = [];
    public List<RequestPauseRow> Pauses { get; set; } = [];
}

/// <summary>A 补正 notice (条例第三十条).</summary>
public sealed class RequestCorrectionRow
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int Seq { get; set; }
    public DateOnly NoticeOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CorrectedOn { get; set; }
    /// <summary>What the office asked to be corrected (条例第三十条: notified once, all at once).</summary>
    public string? Content { get; set; }
    /// <summary>The applicant's corrected description, when submitted online on the tracking page.</summary>
    public string? Reply { get; set; }
}

/// <summary>A period the answer clock stood still (条例第三十三条第三款; fee period per DeadlinePolicy.FeePeriodRemark).</summary>
public sealed class RequestPauseRow
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int Seq { get; set; }
    public PauseKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string? Counterparty { get; set; }
}

/// <summary>One step of the case timeline: who, when, what (条例第四十五条 登记、审核、办理、答复、归档). No personal data.</summary>
public sealed class RequestEvent
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public required string Action { get; set; }
    public DateOnly? On { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Summary { get; set; }

    /// <summary>Shown on the public tracking page (the summary is written without personal data).</summary>
    public bool Public { get; set; }
}

/// <summary>An attachment the applicant sent with the request.</summary>
public sealed class RequestAttachment
{
    public Guid Id { get; set; }
    public long RequestId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the file as the applicant sent it (not of the stored ciphertext): the integrity staff see.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The file, encrypted when <see cref="Encrypted"/> (see <see cref="Privacy.RequestFiles"/>).</summary>
    public required byte[] Data { get; set; }
    /// <summary>
    /// False only for rows stored before files were encrypted at rest: those are read as stored. Every new row is
    /// encrypted; a flag per row rather than a rewrite at start-up, so an old database works at once and no node races another to migrate it.
    /// </summary>
    public bool Encrypted { get; set; }
}

/// <summary>A generated answer letter (告知书), kept with the case (条例第四十五条 归档).</summary>
public sealed class RequestLetter
{
    public Guid Id { get; set; }
    public long RequestId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>SHA-256 of the letter as generated (not of the stored ciphertext).</summary>
    public required string Sha256 { get; set; }
    /// <summary>The letter, encrypted when <see cref="Encrypted"/> (it names the applicant).</summary>
    public required byte[] Data { get; set; }
    /// <summary>False only for letters generated before encryption at rest (see <see cref="RequestAttachment.Encrypted"/>).</summary>
    public bool Encrypted { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }

    /// <summary>The numbered letter this file renders (Word and PDF share one number).</summary>
    public long? IssuedLetterId { get; set; }
}

/// <summary>行政复议 or 行政诉讼 arising from a case (annual report section 四).</summary>
public enum AppealKind
{
    /// <summary>行政复议.</summary>
    Reconsideration = 1,
    /// <summary>行政诉讼 — 未经复议直接起诉.</summary>
    LitigationDirect = 2,
    /// <summary>行政诉讼 — 复议后起诉.</summary>
    LitigationAfterReconsideration = 3,
}

/// <summary>The result buckets of the report's section 四.</summary>
public enum AppealResult
{
    /// <summary>尚未审结.</summary>
    Pending = 0,
    /// <summary>结果维持.</summary>
    Upheld = 1,
    /// <summary>结果纠正.</summary>
    Corrected = 2,
    /// <summary>其他结果.</summary>
    Other = 3,
}

public static class AppealLabels
{
    public static string Label(this AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        AppealKind.LitigationAfterReconsideration => "行政诉讼（复议后起诉）",
        _ => kind.ToString(),
    };

    public static string Label(this AppealResult result) => result switch
    {
        AppealResult.Pending => "尚未审结",
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        AppealResult.Other => "其他结果",
        _ => result.ToString(),
    };
}

/// <summary>
/// A 行政复议 or 行政诉讼 about the agency's disclosure work. Usually against the answer to one case; 条例第五十条第（三）项
/// counts all of them, so one about, e.g., proactive disclosure or several applications at once has no case
/// (<see cref="RequestId"/> null) and says what it is about in <see cref="Subject"/>.
/// </summary>
public sealed class RequestAppeal : Agencies.IAgencyOwned
{
    public long Id { get; set; }
    public long? RequestId { get; set; }

    /// <summary>What the appeal is about, in a line (required when it belongs to no case).</summary>
    public string? Subject { get; set; }
    public int AgencyId { get; set; }
    public AppealKind Kind { get; set; }
    public DateOnly FiledOn { get; set; }
    public required string Body { get; set; }
    public string? CaseNumber { get; set; }
    public AppealResult Result { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An editable answer-letter template per outcome group (条例第三十六条 answer types).</summary>
public sealed class AnswerTemplate
{
    public int Id { get; set; }
    public OutcomeGroup Group { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
}

/// <summary>
/// A platform-admin adjustment to the official calendar. Rows are never deleted, only ended (<see cref="RemovedAt"/>),
/// so the override set — and thus the calendar version — in force at any past moment can be rebuilt.
/// </summary>
public sealed class CalendarOverrideRow
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Source { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedByName { get; set; }
    public DateTime? RemovedAt { get; set; }
    public string? RemovedByName { get; set; }
}
