using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

public class RequestCaseTests
{
    private static readonly WorkingDayCalendar Cal = OfficialHolidays.Calendar;
    private static readonly LocalDate Monday = new(2024, 3, 4);
    private static readonly FeeAssessment Fee500Pages = InformationProcessingFee.Assess(FeeMethod.PerPage, 500, Monday);

    private static RequestCase Received(LocalDate? on = null) =>
        RequestCase.Receive(SubmissionChannel.InPerson, new ReceiptFacts(SubmittedOn: on ?? Monday), ApplicantType.NaturalPerson);

    private static RequestCase InState(RequestState state) => state switch
    {
        RequestState.Received => Received(),
        RequestState.AwaitingCorrection => Received().RequestCorrection(new(2024, 3, 5), new(2024, 3, 15), Cal),
        RequestState.ThirdPartyConsultation => Received().StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 3, 6), Cal),
        RequestState.InterAgencyConsultation => Received().StartConsultation(PauseKind.InterAgencyConsultation, new(2024, 3, 6), Cal),
        RequestState.Extended => Received().Extend(new(2024, 3, 20), 10, "王主任", "需调取档案", Cal),
        RequestState.AwaitingPayment => Received().IssueFeeNotice(new(2024, 3, 8), Fee500Pages, Cal),
        RequestState.Decided => Received().Decide(RequestOutcomes.Disclosed, new(2024, 3, 10)),
        RequestState.Answered => Received().Decide(RequestOutcomes.Disclosed, new(2024, 3, 10)).Answer(new(2024, 3, 11)),
        RequestState.ClosedAbandoned => InState(RequestState.AwaitingCorrection).CloseForNoCorrection(new(2024, 3, 18)),
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    // Every step, with dates that satisfy the date rules, so only the state decides legality.
    private static readonly Dictionary<string, Func<RequestCase, RequestCase>> Actions = new()
    {
        ["RequestCorrection"] = c => c.RequestCorrection(c.LastStepOn, c.LastStepOn.PlusDays(10), Cal),
        ["ReceiveCorrection"] = c => c.ReceiveCorrection(c.LastStepOn.PlusDays(1)),
        ["CloseForNoCorrection"] = c => c.CloseForNoCorrection(c.LastStepOn.PlusDays(30)),
        ["StartThirdParty"] = c => c.StartConsultation(PauseKind.ThirdPartyConsultation, c.LastStepOn, Cal),
        ["StartInterAgency"] = c => c.StartConsultation(PauseKind.InterAgencyConsultation, c.LastStepOn, Cal),
        ["EndConsultation"] = c => c.EndConsultation(c.LastStepOn.PlusDays(3)),
        ["Extend"] = c => c.Extend(c.LastStepOn, 5, "王主任", "需调取档案", Cal),
        ["IssueFeeNotice"] = c => c.IssueFeeNotice(c.LastStepOn, Fee500Pages, Cal),
        ["RecordPayment"] = c => c.RecordPayment(c.LastStepOn.PlusDays(2)),
        ["CloseForNonPayment"] = c => c.CloseForNonPayment(c.LastStepOn.PlusDays(40)),
        ["Decide"] = c => c.Decide(RequestOutcomes.Disclosed, c.LastStepOn),
        ["Answer"] = c => c.Answer(c.LastStepOn),
    };

    private static readonly Dictionary<(RequestState, string), RequestState> Legal = new()
    {
        [(RequestState.Received, "RequestCorrection")] = RequestState.AwaitingCorrection,
        [(RequestState.Received, "StartThirdParty")] = RequestState.ThirdPartyConsultation,
        [(RequestState.Received, "StartInterAgency")] = RequestState.InterAgencyConsultation,
        [(RequestState.Received, "Extend")] = RequestState.Extended,
        [(RequestState.Received, "IssueFeeNotice")] = RequestState.AwaitingPayment,
        [(RequestState.Received, "Decide")] = RequestState.Decided,
        [(RequestState.AwaitingCorrection, "ReceiveCorrection")] = RequestState.Received,
        [(RequestState.AwaitingCorrection, "CloseForNoCorrection")] = RequestState.ClosedAbandoned,
        [(RequestState.ThirdPartyConsultation, "EndConsultation")] = RequestState.Received,
        [(RequestState.InterAgencyConsultation, "EndConsultation")] = RequestState.Received,
        [(RequestState.Extended, "StartThirdParty")] = RequestState.ThirdPartyConsultation,
        [(RequestState.Extended, "StartInterAgency")] = RequestState.InterAgencyConsultation,
        [(RequestState.Extended, "IssueFeeNotice")] = RequestState.AwaitingPayment,
        [(RequestState.Extended, "Decide")] = RequestState.Decided,
        [(RequestState.AwaitingPayment, "RecordPayment")] = RequestState.Received,
        [(RequestState.AwaitingPayment, "CloseForNonPayment")] = RequestState.ClosedAbandoned,
        [(RequestState.Decided, "Answer")] = RequestState.Answered,
    };

    public static TheoryData<RequestState, string> EveryStateAndStep()
    {
        var data = new TheoryData<RequestState, string>();
        foreach (var state in Enum.GetValues<RequestState>())
        {
            foreach (var action in Actions.Keys)
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void Step_FromEachState_IsAllowedOnlyWhereTheRulesSaySo(RequestState from, string action)
    {
        var start = InState(from);
        Assert.Equal(from, start.State);
        if (Legal.TryGetValue((from, action), out var expected))
        {
            Assert.Equal(expected, Actions[action](start).State);
        }
        else
        {
            var ex = Assert.Throws<RequestWorkflowException>(() => Actions[action](start));
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
    }

    [Fact]
    public void ConsultationEnded_AfterExtension_ReturnsToExtended()
    {
        var c = InState(RequestState.Extended)
            .StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 3, 21), Cal)
            .EndConsultation(new(2024, 3, 28));
        Assert.Equal(RequestState.Extended, c.State);
    }

    // --- 补正 (条例第三十条)

    [Fact]
    public void RequestCorrection_OnTheSeventhWorkingDay_IsAllowed() =>
        // Received Monday 03-04: 7 working days → 03-13.
        Assert.Equal(RequestState.AwaitingCorrection, Received().RequestCorrection(new(2024, 3, 13), new(2024, 3, 25), Cal).State);

    [Fact]
    public void RequestCorrection_OnTheEighthWorkingDay_IsRefused()
    {
        var ex = Assert.Throws<RequestWorkflowException>(() => Received().RequestCorrection(new(2024, 3, 14), new(2024, 3, 25), Cal));
        Assert.Contains("7个工作日", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestCorrection_SevenDaysAreWorkingDays_AcrossNationalDay()
    {
        // Received 2024-09-27 (Fri): 09-29 make-up Sunday (1), 09-30 (2), rest 10-01..07, 10-08..11 (6), 10-12 make-up Saturday (7).
        var c = Received(new LocalDate(2024, 9, 27));
        Assert.Equal(RequestState.AwaitingCorrection, c.RequestCorrection(new(2024, 10, 12), new(2024, 10, 25), Cal).State);
        Assert.Throws<RequestWorkflowException>(() => c.RequestCorrection(new(2024, 10, 14), new(2024, 10, 25), Cal));
    }

    [Fact]
    public void RequestCorrection_DueDateNotAfterNotice_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => Received().RequestCorrection(new(2024, 3, 5), new(2024, 3, 5), Cal));

    [Fact]
    public void RequestCorrection_SecondTimeAfterCorrection_IsAllowed_ThirdTimeIsRefused()
    {
        var twice = Received()
            .RequestCorrection(new(2024, 3, 5), new(2024, 3, 15), Cal).ReceiveCorrection(new(2024, 3, 11))
            .RequestCorrection(new(2024, 3, 12), new(2024, 3, 22), Cal).ReceiveCorrection(new(2024, 3, 20));
        Assert.Equal(2, twice.Corrections.Count);
        var ex = Assert.Throws<RequestWorkflowException>(() => twice.RequestCorrection(new(2024, 3, 21), new(2024, 3, 29), Cal));
        Assert.Contains("补正后申请内容仍不明确", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestCorrection_AfterConsultationStarted_IsRefused()
    {
        var c = InState(RequestState.ThirdPartyConsultation).EndConsultation(new(2024, 3, 7));
        Assert.Throws<RequestWorkflowException>(() => c.RequestCorrection(new(2024, 3, 7), new(2024, 3, 20), Cal));
    }

    [Fact]
    public void ReceiveCorrection_RestartsTheClockFromThatDay()
    {
        var c = InState(RequestState.AwaitingCorrection).ReceiveCorrection(new(2024, 3, 12));
        Assert.Equal(new LocalDate(2024, 3, 12), c.ClockStartOn);
        Assert.Equal(new LocalDate(2024, 3, 12), c.Corrections[0].CorrectedOn);
    }

    [Fact]
    public void ReceiveCorrection_AfterDueDateWithoutGoodReason_IsRefused_WithGoodReason_IsAccepted()
    {
        var waiting = InState(RequestState.AwaitingCorrection);
        Assert.Throws<RequestWorkflowException>(() => waiting.ReceiveCorrection(new(2024, 3, 18)));
        Assert.Equal(RequestState.Received, waiting.ReceiveCorrection(new(2024, 3, 18), lateWithGoodReason: true).State);
    }

    [Fact]
    public void CloseForNoCorrection_OnTheDueDate_IsRefused_DayAfter_ClosesAsAbandoned()
    {
        var waiting = InState(RequestState.AwaitingCorrection);
        Assert.Throws<RequestWorkflowException>(() => waiting.CloseForNoCorrection(new(2024, 3, 15)));
        var closed = waiting.CloseForNoCorrection(new(2024, 3, 16));
        Assert.Equal(RequestState.ClosedAbandoned, closed.State);
        Assert.Equal(RequestOutcomes.NoCorrection, closed.Outcome);
    }

    // --- consultation, extension

    [Fact]
    public void Decide_WhileConsulting_IsRefused()
    {
        var ex = Assert.Throws<RequestWorkflowException>(() => InState(RequestState.ThirdPartyConsultation).Decide(RequestOutcomes.Disclosed, new(2024, 3, 8)));
        Assert.Contains("征求意见", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_SecondTime_IsRefused()
    {
        var ex = Assert.Throws<RequestWorkflowException>(() => InState(RequestState.Extended).Extend(new(2024, 3, 21), 5, "王主任", "再延", Cal));
        Assert.Contains("只能延长一次", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_SecondTime_AfterAConsultation_IsStillRefused()
    {
        var c = InState(RequestState.Extended)
            .StartConsultation(PauseKind.InterAgencyConsultation, new(2024, 3, 21), Cal).EndConsultation(new(2024, 3, 25));
        Assert.Throws<RequestWorkflowException>(() => c.Extend(new(2024, 3, 26), 5, "王主任", "再延", Cal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Extend_OutsideOneToTwentyWorkingDays_IsRefused(int days) =>
        Assert.Throws<RequestWorkflowException>(() => Received().Extend(new(2024, 3, 20), days, "王主任", "理由", Cal));

    [Fact]
    public void Extend_TwentyWorkingDays_IsTheMaximumAllowed() =>
        Assert.Equal(20, Received().Extend(new(2024, 3, 20), 20, "王主任", "理由", Cal).Extension!.WorkingDays);

    [Fact]
    public void Extend_WithoutApprover_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => Received().Extend(new(2024, 3, 20), 10, " ", "理由", Cal));

    [Fact]
    public void Extend_AfterTheDeadlinePassed_IsRefused() =>
        // Received 03-04: due 04-01.
        Assert.Throws<RequestWorkflowException>(() => Received().Extend(new(2024, 4, 2), 10, "王主任", "理由", Cal));

    [Fact]
    public void StartConsultation_AfterTheDeadlinePassed_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => Received().StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 4, 2), Cal));

    [Fact]
    public void StartConsultation_WithFeeKind_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => Received().StartConsultation(PauseKind.FeePayment, new(2024, 3, 5), Cal));

    // --- decision

    [Fact]
    public void Decide_DatedBeforeReceipt_IsRefused()
    {
        var ex = Assert.Throws<RequestWorkflowException>(() => Received().Decide(RequestOutcomes.Disclosed, new(2024, 3, 1)));
        Assert.Contains("收到申请之日", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DatedBeforeThePreviousStep_IsRefused()
    {
        var c = InState(RequestState.ThirdPartyConsultation).EndConsultation(new(2024, 3, 15));
        Assert.Throws<RequestWorkflowException>(() => c.Decide(RequestOutcomes.Disclosed, new(2024, 3, 14)));
    }

    [Fact]
    public void Decide_OnTheDayOfReceipt_AnswersOnTheSpot() =>
        Assert.Equal(RequestState.Answered, Received().Decide(RequestOutcomes.Disclosed, Monday).Answer(Monday).State);

    [Fact]
    public void Decide_WithAbandonmentOutcomes_IsRefused()
    {
        Assert.Throws<RequestWorkflowException>(() => Received().Decide(RequestOutcomes.NoCorrection, Monday));
        Assert.Throws<RequestWorkflowException>(() => Received().Decide(RequestOutcomes.FeeNotPaid, Monday));
    }

    [Fact]
    public void Decide_UnclearAfterCorrection_RequiresACorrection()
    {
        Assert.Throws<RequestWorkflowException>(() => Received().Decide(RequestOutcomes.UnclearAfterCorrection, Monday));
        var corrected = InState(RequestState.AwaitingCorrection).ReceiveCorrection(new(2024, 3, 12));
        Assert.Equal(RequestOutcomes.UnclearAfterCorrection, corrected.Decide(RequestOutcomes.UnclearAfterCorrection, new(2024, 3, 13)).Outcome);
    }

    [Fact]
    public void Decide_WithAnOutcomeNotInTheReport_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => Received().Decide(new RequestOutcome("x", "自拟", OutcomeGroup.Disclosed, null), Monday));

    [Fact]
    public void Answer_BeforeTheDecision_IsRefused()
    {
        var decided = InState(RequestState.Decided);
        Assert.Throws<RequestWorkflowException>(() => decided.Answer(new(2024, 3, 9)));
    }

    // --- fees

    [Fact]
    public void IssueFeeNotice_ForAFreeRequest_IsRefused()
    {
        var free = InformationProcessingFee.Assess(FeeMethod.PerPage, 30, Monday);
        var ex = Assert.Throws<RequestWorkflowException>(() => Received().IssueFeeNotice(new(2024, 3, 8), free, Cal));
        Assert.Contains("不收费", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueFeeNotice_ForAnApplicationReceivedBefore2021_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => Received(new LocalDate(2020, 12, 28)).IssueFeeNotice(new(2021, 1, 4), Fee500Pages, Cal));

    [Fact]
    public void IssueFeeNotice_SecondTime_IsRefused()
    {
        var paid = InState(RequestState.AwaitingPayment).RecordPayment(new(2024, 3, 12));
        Assert.Throws<RequestWorkflowException>(() => paid.IssueFeeNotice(new(2024, 3, 13), Fee500Pages, Cal));
    }

    [Fact]
    public void IssueFeeNotice_PaymentIsDueTwentyWorkingDaysAfterReceipt()
    {
        // Notice received Friday 03-08: 03-11..04-03 (18), 04-07 make-up Sunday (19), 04-08 (20).
        Assert.Equal(new LocalDate(2024, 4, 8), InState(RequestState.AwaitingPayment).Fee!.PaymentDueOn);
    }

    [Fact]
    public void RecordPayment_AfterTheDueDate_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => InState(RequestState.AwaitingPayment).RecordPayment(new(2024, 4, 9)));

    [Fact]
    public void CloseForNonPayment_OnTheDueDate_IsRefused_DayAfter_ClosesAsAbandoned()
    {
        var waiting = InState(RequestState.AwaitingPayment);
        Assert.Throws<RequestWorkflowException>(() => waiting.CloseForNonPayment(new(2024, 4, 8)));
        var closed = waiting.CloseForNonPayment(new(2024, 4, 9));
        Assert.Equal(RequestOutcomes.FeeNotPaid, closed.Outcome);
        Assert.Equal(RequestState.ClosedAbandoned, closed.State);
    }

    [Fact]
    public void Decide_WhileAwaitingPayment_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => InState(RequestState.AwaitingPayment).Decide(RequestOutcomes.Disclosed, new(2024, 3, 9)));

    [Fact]
    public void Receive_WithUndefinedApplicantType_IsRefused() =>
        Assert.Throws<RequestWorkflowException>(() => RequestCase.Receive(SubmissionChannel.InPerson, new(SubmittedOn: Monday), (ApplicantType)99));
}
