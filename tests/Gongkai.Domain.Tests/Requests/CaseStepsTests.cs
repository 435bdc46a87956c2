using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>The case page offers the steps the state allows, the likely next one first.</summary>
public class CaseStepsTests
{
    private static readonly WorkingDayCalendar Cal = OfficialHolidays.Calendar;
    private static readonly LocalDate Monday = new(2024, 3, 4);
    private static readonly FeeAssessment Fee500Pages = InformationProcessingFee.Assess(FeeMethod.PerPage, 500, Monday);

    private static RequestCase Received() =>
        RequestCase.Receive(SubmissionChannel.InPerson, new ReceiptFacts(SubmittedOn: Monday), ApplicantType.NaturalPerson);

    // 补正 due 2024-03-15; fee received 2024-03-08, payment due 20 working days later (2024-04-08).
    private static RequestCase AwaitingCorrection() => Received().RequestCorrection(new(2024, 3, 5), new(2024, 3, 15), Cal);
    private static RequestCase AwaitingPayment() => Received().IssueFeeNotice(new(2024, 3, 8), Fee500Pages, Cal);

    [Fact]
    public void AnUnconfirmedApplication_OffersOnlyTheConfirmationOfReceipt() =>
        Assert.Equal([CaseStep.ConfirmReceipt], CaseSteps.Offered(null, Monday));

    [Fact]
    public void AFreshCase_OffersTheDecisionFirst_ThenCorrectionConsultationExtensionAndFee() =>
        Assert.Equal([CaseStep.Decide, CaseStep.RequestCorrection, CaseStep.StartConsultation, CaseStep.Extend, CaseStep.IssueFeeNotice],
            CaseSteps.Offered(Received(), Monday));

    [Fact]
    public void AnExtendedCase_OffersNeitherASecondExtensionNorACorrection()
    {
        var extended = Received().Extend(new(2024, 3, 20), 10, "王主任", "需调取档案", Cal);
        Assert.Equal([CaseStep.Decide, CaseStep.StartConsultation, CaseStep.IssueFeeNotice], CaseSteps.Offered(extended, new(2024, 3, 20)));
    }

    [Fact]
    public void AwaitingCorrection_BeforeTheDueDate_OffersOnlyTheCorrection() =>
        Assert.Equal([CaseStep.ReceiveCorrection], CaseSteps.Offered(AwaitingCorrection(), new(2024, 3, 15)));

    [Fact]
    public void AwaitingCorrection_AfterTheDueDate_OffersClosingFirst_AndStillALateCorrection() =>
        Assert.Equal([CaseStep.CloseForNoCorrection, CaseStep.ReceiveCorrection], CaseSteps.Offered(AwaitingCorrection(), new(2024, 3, 16)));

    [Fact]
    public void AwaitingPayment_WithinThePeriod_OffersThePayment_AndAfterIt_TheClosing()
    {
        var due = AwaitingPayment().Fee!.PaymentDueOn;
        Assert.Equal([CaseStep.RecordPayment], CaseSteps.Offered(AwaitingPayment(), due));
        Assert.Equal([CaseStep.CloseForNonPayment], CaseSteps.Offered(AwaitingPayment(), due.PlusDays(1)));
    }

    [Theory]
    [InlineData(PauseKind.ThirdPartyConsultation)]
    [InlineData(PauseKind.InterAgencyConsultation)]
    public void AConsultation_OffersOnlyItsEnd(PauseKind kind) =>
        Assert.Equal([CaseStep.EndConsultation], CaseSteps.Offered(Received().StartConsultation(kind, new(2024, 3, 6), Cal), new(2024, 3, 7)));

    [Fact]
    public void APaidCase_OffersNoSecondFeeNoticeAndNoCorrection()
    {
        var paid = AwaitingPayment().RecordPayment(new(2024, 3, 12));
        Assert.Equal([CaseStep.Decide, CaseStep.StartConsultation, CaseStep.Extend], CaseSteps.Offered(paid, new(2024, 3, 12)));
    }

    [Fact]
    public void ADecidedCase_OffersTheAnswer_AndAFinishedCaseNothing()
    {
        var decided = Received().Decide(RequestOutcomes.Disclosed, new(2024, 3, 10));
        Assert.Equal(CaseStep.Answer, CaseSteps.Next(decided, new(2024, 3, 10)));
        Assert.Empty(CaseSteps.Offered(decided.Answer(new(2024, 3, 11)), new(2024, 3, 11)));
        Assert.Null(CaseSteps.Next(AwaitingCorrection().CloseForNoCorrection(new(2024, 3, 18)), new(2024, 3, 18)));
    }

    // Each step with dates that satisfy the date rules on the day it is offered, so only the table decides.
    private static readonly Dictionary<CaseStep, Func<RequestCase, LocalDate, RequestCase>> Perform = new()
    {
        [CaseStep.RequestCorrection] = (c, today) => c.RequestCorrection(today, today.PlusDays(10), Cal),
        [CaseStep.ReceiveCorrection] = (c, today) => c.ReceiveCorrection(today, lateWithGoodReason: true),
        [CaseStep.CloseForNoCorrection] = (c, today) => c.CloseForNoCorrection(today),
        [CaseStep.StartConsultation] = (c, today) => c.StartConsultation(PauseKind.ThirdPartyConsultation, today, Cal),
        [CaseStep.EndConsultation] = (c, today) => c.EndConsultation(today),
        [CaseStep.Extend] = (c, today) => c.Extend(today, 5, "王主任", "需调取档案", Cal),
        [CaseStep.IssueFeeNotice] = (c, today) => c.IssueFeeNotice(today, Fee500Pages, Cal),
        [CaseStep.RecordPayment] = (c, today) => c.RecordPayment(today),
        [CaseStep.CloseForNonPayment] = (c, today) => c.CloseForNonPayment(today),
        [CaseStep.Decide] = (c, today) => c.Decide(RequestOutcomes.Disclosed, today),
        [CaseStep.Answer] = (c, today) => c.Answer(today),
    };

    public static TheoryData<string, int> Situations => new()
    {
        { "received", 0 }, { "awaiting correction", 1 }, { "correction lapsed", 12 }, { "consulting", 2 },
        { "awaiting payment", 4 }, { "payment lapsed", 40 }, { "decided", 6 }, { "extended", 16 },
    };

    [Theory, MemberData(nameof(Situations))]
    public void EveryOfferedStep_IsOneTheCaseAccepts(string situation, int daysAfterMonday)
    {
        var today = Monday.PlusDays(daysAfterMonday);
        var c = situation switch
        {
            "received" => Received(),
            "awaiting correction" or "correction lapsed" => AwaitingCorrection(),
            "consulting" => Received().StartConsultation(PauseKind.InterAgencyConsultation, new(2024, 3, 6), Cal),
            "awaiting payment" or "payment lapsed" => AwaitingPayment(),
            "decided" => Received().Decide(RequestOutcomes.Disclosed, new(2024, 3, 10)),
            "extended" => Received().Extend(new(2024, 3, 20), 10, "王主任", "需调取档案", Cal),
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };
        var offered = CaseSteps.Offered(c, today);
        Assert.NotEmpty(offered);
        foreach (var step in offered)
        {
            // Throws RequestWorkflowException if the table offered a step the case refuses.
            Perform[step](c, today);
        }
    }

    [Fact]
    public void EveryStep_IsOfferedInSomeSituation()
    {
        var seen = new HashSet<CaseStep>(CaseSteps.Offered(null, Monday));
        foreach (var c in new[] { Received(), AwaitingCorrection(), AwaitingPayment(), Received().StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 3, 6), Cal),
                     Received().Decide(RequestOutcomes.Disclosed, new(2024, 3, 10)) })
        {
            seen.UnionWith(CaseSteps.Offered(c, Monday.PlusDays(10)));
            seen.UnionWith(CaseSteps.Offered(c, Monday.PlusDays(60)));
        }
        Assert.Equal(Enum.GetValues<CaseStep>().Order(), seen.Order());
    }
}
