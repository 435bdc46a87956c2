using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>条例第三十五条: a reasonable later deadline for an applicant's many repeated requests.</summary>
public class ReasonableDeadlineTests
{
    private static readonly WorkingDayCalendar Cal = OfficialHolidays.Calendar;

    // Received 2024-03-04: due 2024-04-01 under 第三十三条.
    private static RequestCase Received() =>
        RequestCase.Receive(SubmissionChannel.InPerson, new ReceiptFacts(SubmittedOn: new(2024, 3, 4)), ApplicantType.NaturalPerson);

    [Fact]
    public void TheReasonableDeadline_BecomesTheDueDate_AndTheExplanationSaysWhoAndWhy()
    {
        var c = Received().SetReasonableDeadline(new(2024, 3, 20), new(2024, 6, 28), "办公室主任王五", "本月提出同类申请120件", Cal);

        var result = DeadlinePolicy.Compute(c, Cal, new(2024, 4, 2));

        Assert.Equal(new LocalDate(2024, 6, 28), result.DueOn);
        Assert.False(result.IsOverdue(new(2024, 4, 2))); // past the 第三十三条 date, not overdue
        Assert.True(result.IsOverdue(new(2024, 7, 1)));
        Assert.Contains(result.Steps, s => s.Description.Contains("条例第三十五条", StringComparison.Ordinal)
            && s.Description.Contains("办公室主任王五", StringComparison.Ordinal) && s.Description.Contains("本月提出同类申请120件", StringComparison.Ordinal));
        Assert.Equal(new LocalDate(2024, 6, 28), result.Steps[^1].Date);
    }

    [Fact]
    public void ADateBeforeTheCurrentDueDate_IsRefused()
    {
        var ex = Assert.Throws<RequestWorkflowException>(() =>
            Received().SetReasonableDeadline(new(2024, 3, 20), new(2024, 3, 29), "王五", "理由", Cal));
        Assert.Equal("合理期限不能早于当前答复期限（2024-04-01）。", ex.Message);
    }

    [Fact]
    public void TheCurrentDueDateItself_IsAccepted() =>
        Assert.Equal(new LocalDate(2024, 4, 1),
            Received().SetReasonableDeadline(new(2024, 3, 20), new(2024, 4, 1), "王五", "理由", Cal).ReasonableDeadline!.DueOn);

    [Fact]
    public void WithoutReasonOrDecider_OrOnceTheDeadlineHasPassed_OrAfterTheDecision_ItIsRefused()
    {
        Assert.Throws<RequestWorkflowException>(() => Received().SetReasonableDeadline(new(2024, 3, 20), new(2024, 6, 28), "王五", " ", Cal));
        Assert.Throws<RequestWorkflowException>(() => Received().SetReasonableDeadline(new(2024, 3, 20), new(2024, 6, 28), "", "理由", Cal));
        var late = Assert.Throws<RequestWorkflowException>(() => Received().SetReasonableDeadline(new(2024, 4, 2), new(2024, 6, 28), "王五", "理由", Cal));
        Assert.Contains("2024-04-01", late.Message, StringComparison.Ordinal);
        var decided = Received().Decide(RequestOutcomes.Disclosed, new(2024, 3, 10));
        Assert.Throws<RequestWorkflowException>(() => decided.SetReasonableDeadline(new(2024, 3, 20), new(2024, 6, 28), "王五", "理由", Cal));
    }

    [Fact]
    public void ASecondDecision_CannotMoveTheDeadlineEarlier()
    {
        var c = Received().SetReasonableDeadline(new(2024, 3, 20), new(2024, 6, 28), "王五", "理由", Cal);
        Assert.Throws<RequestWorkflowException>(() => c.SetReasonableDeadline(new(2024, 3, 21), new(2024, 5, 31), "王五", "理由", Cal));
        Assert.Equal(new LocalDate(2024, 7, 31), c.SetReasonableDeadline(new(2024, 3, 21), new(2024, 7, 31), "王五", "更多", Cal).ReasonableDeadline!.DueOn);
    }

    [Fact]
    public void TheStoredDeadline_SurvivesRehydration()
    {
        var c = Received().SetReasonableDeadline(new(2024, 3, 20), new(2024, 6, 28), "王五", "理由", Cal);
        var again = RequestCase.Rehydrate(c.Channel, c.ApplicantType, c.State, c.ReceivedOn, c.ClockStartOn, c.LastStepOn, c.Corrections, c.Pauses,
            reasonableDeadline: c.ReasonableDeadline);
        Assert.Equal(c.ReasonableDeadline, again.ReasonableDeadline);
        Assert.Equal(new LocalDate(2024, 6, 28), DeadlinePolicy.Compute(again, Cal, new(2024, 4, 2)).DueOn);
    }
}
