using Gongkai.Domain.Calendar;
using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>
/// 条例第三十五条: the applicant's requests clearly exceed a reasonable range in number or frequency, the reasons given are
/// reasonable, but the case cannot be answered within 第三十三条's period; the agency fixes a reasonable later deadline
/// and tells the applicant. <see cref="DueOn"/> replaces the computed due date.
/// </summary>
public sealed record ReasonableDeadline(LocalDate DecidedOn, LocalDate DueOn, string DecidedBy, string Reason);

public sealed partial record RequestCase
{
    /// <summary>Bound of the recorded reason (it is told to the applicant, so a paragraph, not a file).</summary>
    public const int MaxReasonableDeadlineReasonLength = 1000;

    /// <summary>
    /// 条例第三十五条: a longer, reasonable deadline for an applicant's many repeated requests. Only while the agency is
    /// processing (the clock runs), decided on a day the current deadline has not passed, and never earlier than it;
    /// fixed again later only to a date on or after the one fixed before.
    /// </summary>
    public RequestCase SetReasonableDeadline(LocalDate decidedOn, LocalDate dueOn, string decidedBy, string reason, WorkingDayCalendar calendar)
    {
        RequireProcessing("确定合理的答复期限（条例第三十五条）");
        if (string.IsNullOrWhiteSpace(decidedBy))
        {
            throw new RequestWorkflowException("请填写决定人（条例第三十五条的合理期限由本机关确定）。");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestWorkflowException("请填写确定合理期限的理由（申请数量、频次明显超过合理范围的情况，须告知申请人）。");
        }
        if (reason.Trim().Length > MaxReasonableDeadlineReasonLength)
        {
            throw new RequestWorkflowException($"理由不能超过{MaxReasonableDeadlineReasonLength}字。");
        }
        RequireNotBefore(decidedOn, "确定合理期限的日期");
        RequireWithinDeadline(decidedOn, calendar, "确定合理的答复期限");
        var current = DeadlinePolicy.Compute(this, calendar, decidedOn, explain: false).DueOn;
        if (current is { } c && dueOn < c)
        {
            throw new RequestWorkflowException($"合理期限不能早于当前答复期限（{c:yyyy-MM-dd}）。");
        }
        return this with
        {
            ReasonableDeadline = new ReasonableDeadline(decidedOn, dueOn, decidedBy.Trim(), reason.Trim()),
            LastStepOn = decidedOn,
        };
    }
}
