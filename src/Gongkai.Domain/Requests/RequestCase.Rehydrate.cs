using Gongkai.Domain.Fees;
using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>A stored case that no sequence of legal steps could have produced; storage is damaged or was edited by hand.</summary>
public sealed class InconsistentCaseException(string message) : Exception(message);

public sealed partial record RequestCase
{
    /// <summary>
    /// The case as it was stored, checked against what the steps can produce: every step is dated on or after the
    /// previous one and on or after receipt; the open 补正 notice, the open pause, the extension, the fee notice and the
    /// outcome match the state. Throws <see cref="InconsistentCaseException"/> instead of letting a damaged row reach the
    /// deadline computation, where it would give a wrong due date without a word.
    /// </summary>
    public static RequestCase Rehydrate(
        SubmissionChannel channel,
        ApplicantType applicantType,
        RequestState state,
        LocalDate receivedOn,
        LocalDate clockStartOn,
        LocalDate lastStepOn,
        IReadOnlyList<CorrectionNotice> corrections,
        IReadOnlyList<ClockPause> pauses,
        DeadlineExtension? extension = null,
        FeeNotice? fee = null,
        RequestOutcome? outcome = null,
        LocalDate? decidedOn = null,
        LocalDate? answeredOn = null,
        LocalDate? closedOn = null,
        ReasonableDeadline? reasonableDeadline = null)
    {
        var c = new RequestCase
        {
            Channel = channel,
            ApplicantType = applicantType,
            State = state,
            ReceivedOn = receivedOn,
            ClockStartOn = clockStartOn,
            LastStepOn = lastStepOn,
            Corrections = [.. corrections],
            Pauses = [.. pauses],
            Extension = extension,
            Fee = fee,
            Outcome = outcome,
            DecidedOn = decidedOn,
            AnsweredOn = answeredOn,
            ClosedOn = closedOn,
            ReasonableDeadline = reasonableDeadline,
        };
        c.CheckConsistency();
        return c;
    }

    private void CheckConsistency()
    {
        Require(Enum.IsDefined(Channel) && Enum.IsDefined(ApplicantType) && Enum.IsDefined(State), "提交渠道、申请人类型或状态无效");
        Require(ReceivedOn <= ClockStartOn && ClockStartOn <= LastStepOn, "收到申请之日、计时起算日与最后办理日期顺序颠倒");
        CheckSteps();
        CheckCorrections();
        CheckPauses();
        Require(State != RequestState.Extended || Extension is not null, "状态为已延期，但没有延期记录");
        Require(ReasonableDeadline is null || ReasonableDeadline.DueOn >= ReasonableDeadline.DecidedOn, "合理期限早于决定日期");
        Require(Extension is null || Extension.WorkingDays is >= 1 and <= MaxExtensionWorkingDays, "延长的工作日数超出1至20日");
        Require((State == RequestState.AwaitingPayment) == (Fee is { PaidOn: null } && Outcome is null), "待缴费状态与收费通知不符");
        Require(Fee is null || Pauses.Any(p => p.Kind == PauseKind.FeePayment), "有收费通知，但没有缴费期间的计时暂停");
        var decided = State is RequestState.Decided or RequestState.Answered or RequestState.ClosedAbandoned;
        Require(decided == (Outcome is not null), "办理结果与状态不符");
        Require((State == RequestState.Decided || State == RequestState.Answered) == (DecidedOn is not null), "决定日期与状态不符");
        Require((State == RequestState.Answered) == (AnsweredOn is not null), "答复日期与状态不符");
        Require((State == RequestState.ClosedAbandoned) == (ClosedOn is not null), "终止日期与状态不符");
        Require(Outcome is null || RequestOutcomes.All.Contains(Outcome), "未知的办理结果");
        Require(State != RequestState.ClosedAbandoned || Outcome == RequestOutcomes.NoCorrection || Outcome == RequestOutcomes.FeeNotPaid,
            "视为放弃申请只能因逾期不补正或逾期未缴费");
    }

    /// <summary>Every dated step lies between receipt and the last step.</summary>
    private void CheckSteps()
    {
        IEnumerable<LocalDate?> steps =
        [
            .. Corrections.SelectMany(n => new LocalDate?[] { n.NoticeOn, n.CorrectedOn }),
            .. Pauses.Select(p => (LocalDate?)p.From),
            Extension?.ApprovedOn, ReasonableDeadline?.DecidedOn, Fee?.ReceivedOn, Fee?.PaidOn, DecidedOn, AnsweredOn, ClosedOn,
        ];
        Require(steps.All(d => d is null || (d >= ReceivedOn && d <= LastStepOn)), "办理日期早于收到申请之日或晚于最后办理日期");
    }

    private void CheckCorrections()
    {
        Require(Corrections.Count <= MaxCorrectionNotices, "补正通知超过两次");
        Require(Corrections.All(n => n.DueOn > n.NoticeOn && (n.CorrectedOn is null || n.CorrectedOn >= n.NoticeOn)), "补正期限或补正日期早于通知日期");
        Require(Corrections.Take(Corrections.Count - 1).All(n => n.CorrectedOn is not null), "只有最后一次补正通知可以尚未补正");
        var open = Corrections.Count > 0 && Corrections[^1].CorrectedOn is null;
        // A case closed for no correction keeps its unanswered notice.
        Require(open == (State == RequestState.AwaitingCorrection || (State == RequestState.ClosedAbandoned && Outcome == RequestOutcomes.NoCorrection)),
            "待补正状态与补正通知不符");
    }

    private void CheckPauses()
    {
        Require(Pauses.All(p => p.To is null || p.To >= p.From), "计时暂停的结束日期早于开始日期");
        Require(Pauses.Take(Pauses.Count - 1).All(p => p.To is not null), "只有最后一次计时暂停可以尚未结束");
        var open = Pauses.Count > 0 && Pauses[^1].To is null ? Pauses[^1].Kind : (PauseKind?)null;
        var expected = State switch
        {
            RequestState.ThirdPartyConsultation => PauseKind.ThirdPartyConsultation,
            RequestState.InterAgencyConsultation => PauseKind.InterAgencyConsultation,
            RequestState.AwaitingPayment => PauseKind.FeePayment,
            _ => (PauseKind?)null,
        };
        Require(open == expected, "征求意见或待缴费状态与计时暂停不符");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InconsistentCaseException($"存储的申请状态不一致：{what}。");
        }
    }
}
