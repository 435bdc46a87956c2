using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>A stored case comes back as it was, and a state no sequence of steps can produce is refused.</summary>
public class RequestCaseRehydrateTests
{
    private static readonly WorkingDayCalendar Cal = OfficialHolidays.Calendar;
    private static readonly LocalDate Monday = new(2024, 3, 4);
    private static readonly FeeAssessment Fee500Pages = InformationProcessingFee.Assess(FeeMethod.PerPage, 500, Monday);

    private static RequestCase Received() =>
        RequestCase.Receive(SubmissionChannel.RegisteredPost, new ReceiptFacts(SignedForOn: Monday), ApplicantType.CommercialEnterprise);

    private static readonly Func<RequestCase, RequestCase>[] Steps =
    [
        c => c.RequestCorrection(c.LastStepOn, c.LastStepOn.PlusDays(10), Cal),
        c => c.ReceiveCorrection(c.LastStepOn.PlusDays(1)),
        c => c.CloseForNoCorrection(c.LastStepOn.PlusDays(30)),
        c => c.StartConsultation(PauseKind.ThirdPartyConsultation, c.LastStepOn, Cal),
        c => c.StartConsultation(PauseKind.InterAgencyConsultation, c.LastStepOn.PlusDays(1), Cal),
        c => c.EndConsultation(c.LastStepOn.PlusDays(3)),
        c => c.Extend(c.LastStepOn, 5, "王主任", "需调取档案", Cal),
        c => c.IssueFeeNotice(c.LastStepOn, Fee500Pages, Cal),
        c => c.RecordPayment(c.LastStepOn.PlusDays(2)),
        c => c.CloseForNonPayment(c.LastStepOn.PlusDays(40)),
        c => c.Decide(RequestOutcomes.Disclosed, c.LastStepOn),
        c => c.Answer(c.LastStepOn.PlusDays(1)),
    ];

    /// <summary>Every case reachable from receipt in up to three legal steps.</summary>
    public static TheoryData<string> Reachable()
    {
        var data = new TheoryData<string>();
        foreach (var path in Paths(Received(), "", 3))
        {
            data.Add(path.Name);
        }
        return data;
    }

    private static IEnumerable<(string Name, RequestCase Case)> Paths(RequestCase start, string name, int depth)
    {
        yield return (name.Length == 0 ? "received" : name, start);
        if (depth == 0)
        {
            yield break;
        }
        for (var i = 0; i < Steps.Length; i++)
        {
            RequestCase next;
            try
            {
                next = Steps[i](start);
            }
            catch (RequestWorkflowException)
            {
                continue;
            }
            foreach (var p in Paths(next, name + "/" + i, depth - 1))
            {
                yield return p;
            }
        }
    }

    private static RequestCase Restore(RequestCase c) => RequestCase.Rehydrate(
        c.Channel, c.ApplicantType, c.State, c.ReceivedOn, c.ClockStartOn, c.LastStepOn, c.Corrections, c.Pauses,
        c.Extension, c.Fee, c.Outcome, c.DecidedOn, c.AnsweredOn, c.ClosedOn);

    private static string Fingerprint(RequestCase c) => string.Join("|",
        c.Channel, c.ApplicantType, c.State, c.ReceivedOn, c.ClockStartOn, c.LastStepOn, string.Join(";", c.Corrections), string.Join(";", c.Pauses),
        c.Extension, c.Fee?.ReceivedOn, c.Fee?.PaymentDueOn, c.Fee?.PaidOn, c.Fee?.Assessment.AmountFen, c.Outcome?.Key, c.DecidedOn, c.AnsweredOn, c.ClosedOn);

    [Theory]
    [MemberData(nameof(Reachable))]
    public void EveryReachableCase_RehydratesToTheSameCase_WithTheSameDueDate(string path)
    {
        var original = Paths(Received(), "", 3).First(p => p.Name == path).Case;

        var restored = Restore(original);

        Assert.Equal(Fingerprint(original), Fingerprint(restored));
        Assert.Equal(DeadlinePolicy.Compute(original, Cal, new(2024, 6, 3)).DueOn, DeadlinePolicy.Compute(restored, Cal, new(2024, 6, 3)).DueOn);
    }

    [Fact]
    public void ARehydratedCase_TakesTheNextStepLikeTheOriginal()
    {
        var consulting = Received().StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 3, 6), Cal);

        var ended = Restore(consulting).EndConsultation(new(2024, 3, 12));

        Assert.Equal(Fingerprint(consulting.EndConsultation(new(2024, 3, 12))), Fingerprint(ended));
    }

    public static TheoryData<string, Func<RequestCase, RequestCase>> Inconsistent() => new()
    {
        { "已延期 without an extension", c => c with { State = RequestState.Extended } },
        { "待补正 without an open notice", c => c with { State = RequestState.AwaitingCorrection } },
        { "征求意见 without an open pause", c => c with { State = RequestState.ThirdPartyConsultation } },
        { "已决定 without an outcome", c => c with { State = RequestState.Decided, DecidedOn = c.ReceivedOn } },
        { "已答复 without an answer date", c => c.Decide(RequestOutcomes.Disclosed, c.ReceivedOn) with { State = RequestState.Answered } },
        { "a decision dated before receipt", c => c.Decide(RequestOutcomes.Disclosed, c.ReceivedOn) with { DecidedOn = c.ReceivedOn.PlusDays(-1) } },
        { "a step after the last step", c => c with { LastStepOn = c.ReceivedOn, ClockStartOn = c.ReceivedOn.PlusDays(2) } },
        { "an open pause before the last", c => c with { Pauses = [new(PauseKind.ThirdPartyConsultation, c.ReceivedOn, null), new(PauseKind.InterAgencyConsultation, c.ReceivedOn, null)] } },
        { "three correction notices", c => c with { Corrections = [.. Enumerable.Repeat(new CorrectionNotice(c.ReceivedOn, c.ReceivedOn.PlusDays(5), c.ReceivedOn), 3)] } },
        { "放弃申请 with an ordinary outcome", c => c.Decide(RequestOutcomes.Disclosed, c.ReceivedOn) with { State = RequestState.ClosedAbandoned, DecidedOn = null, ClosedOn = c.ReceivedOn } },
        { "an unknown state", c => c with { State = (RequestState)42 } },
    };

    [Theory]
    [MemberData(nameof(Inconsistent))]
    public void AStoredStateNoStepsCanProduce_IsRefused(string what, Func<RequestCase, RequestCase> damage)
    {
        var damaged = damage(Received());

        var ex = Assert.Throws<InconsistentCaseException>(() => Restore(damaged));

        Assert.StartsWith("存储的申请状态不一致：", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(what));
    }
}
