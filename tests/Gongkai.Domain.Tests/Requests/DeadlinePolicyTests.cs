using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

public class DeadlinePolicyTests
{
    private static readonly WorkingDayCalendar Cal = OfficialHolidays.Calendar;

    private static RequestCase Received(LocalDate on) =>
        RequestCase.Receive(SubmissionChannel.InPerson, new ReceiptFacts(SubmittedOn: on), ApplicantType.NaturalPerson);

    [Fact]
    public void DueOn_IsTwentyWorkingDaysAfterReceipt()
    {
        // 03-05..08 (4), 03-11..15 (9), 03-18..22 (14), 03-25..29 (19), 04-01 (20).
        var result = DeadlinePolicy.Compute(Received(new(2024, 3, 4)), Cal, new(2024, 3, 4));
        Assert.Equal(new LocalDate(2024, 4, 1), result.DueOn);
        Assert.True(result.IsRunning);
        Assert.Equal(Cal.Version, result.CalendarVersion);
    }

    [Fact]
    public void DueOn_AcrossSpringFestival_SkipsTheHolidayAndCountsTheMakeUpSunday() =>
        Assert.Equal(new LocalDate(2024, 3, 8), DeadlinePolicy.Compute(Received(new(2024, 2, 5)), Cal, new(2024, 2, 5)).DueOn);

    [Fact]
    public void DueOn_WithCorrectionRestartConsultationAndExtension_AcrossSpringFestival()
    {
        var c = Received(new(2024, 1, 22))
            .RequestCorrection(new(2024, 1, 24), new(2024, 2, 2), Cal)
            .ReceiveCorrection(new(2024, 1, 31))                                   // clock restarts 01-31
            .StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 2, 2), Cal)
            .EndConsultation(new(2024, 2, 22))                                     // 02-04 make-up Sunday (1), 02-05..09 (6), 02-18 (7), 02-19..22 (11)
            .Extend(new(2024, 2, 26), 15, "李主任", "涉及多个年度档案", Cal);
        var result = DeadlinePolicy.Compute(c, Cal, new(2024, 2, 26));

        // 20 + 15 + 11 = 46 working days after 01-31: 02-01..02 (2), 02-04 (3), 02-05..09 (8), 02-18 (9), 02-19..03-29 (39),
        // 04-01..03 (42), 04-07 make-up Sunday (43), 04-08..10 (46).
        Assert.Equal(new LocalDate(2024, 4, 10), result.DueOn);
        Assert.Equal(11, result.PausedWorkingDays);
        Assert.Equal(15, result.ExtensionWorkingDays);
        Assert.Contains(result.Steps, s => s.Description.Contains("条例第三十条", StringComparison.Ordinal) && s.Date == new LocalDate(2024, 1, 31));
        Assert.Contains(result.Steps, s => s.Description.Contains("李主任", StringComparison.Ordinal) && s.WorkingDays == 15);
        Assert.Contains(result.Steps, s => s.Description.Contains("条例第三十三条第三款", StringComparison.Ordinal) && s.WorkingDays == 11);
        Assert.Contains(Cal.Version, result.Steps[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void DueOn_FeePeriodIsExcluded_AndTheRemarkSaysItIsUnverified()
    {
        var fee = InformationProcessingFee.Assess(FeeMethod.PerPage, 500, new(2024, 3, 4));
        var c = Received(new(2024, 3, 4)).IssueFeeNotice(new(2024, 3, 8), fee, Cal).RecordPayment(new(2024, 3, 15));
        var result = DeadlinePolicy.Compute(c, Cal, new(2024, 3, 15));
        // 03-11..15 excluded (5): 25 working days after 03-04 → 04-01 (20), 04-02..03 (22), 04-07 (23), 04-08..09 (25).
        Assert.Equal(5, result.PausedWorkingDays);
        Assert.Equal(new LocalDate(2024, 4, 9), result.DueOn);
        Assert.Contains(result.Steps, s => s.Description.Contains(DeadlinePolicy.FeePeriodRemark, StringComparison.Ordinal));
        Assert.Contains("待核实", DeadlinePolicy.FeePeriodRemark, StringComparison.Ordinal);
    }

    [Fact]
    public void BeforeAnyCorrection_TheExplanationGivesTheLastDayToAskForOne()
    {
        // 条例第三十条: within 7 working days of receipt — 03-05..08 (4), 03-11..13 (7).
        var steps = DeadlinePolicy.Compute(Received(new(2024, 3, 4)), Cal, new(2024, 3, 4)).Steps;
        Assert.Contains(steps, s => s.Date == new LocalDate(2024, 3, 13) && s.Description.Contains("条例第三十条", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOpenConsultation_IsExcludedForItsFull15WorkingDays_SoTheDueDateIsFixedAndCanPass()
    {
        var c = Received(new(2024, 3, 4)).StartConsultation(PauseKind.InterAgencyConsultation, new(2024, 3, 6), Cal);
        var early = DeadlinePolicy.Compute(c, Cal, new(2024, 3, 13));
        var late = DeadlinePolicy.Compute(c, Cal, new(2024, 5, 6));

        // 20 + 15 working days after 03-04: 04-01..03 (22), 04-07 make-up Sunday (23), 04-08..12 (28), 04-15..19 (33), 04-22..23 (35).
        Assert.Equal(new LocalDate(2024, 4, 23), early.DueOn);
        Assert.Equal(early.DueOn, late.DueOn);
        Assert.Equal(15, early.PausedWorkingDays);
        Assert.False(early.IsRunning);
        Assert.True(early.HasLiveDueDate);
        Assert.True(late.IsOverdue(new(2024, 5, 6)));
        // 条例第三十四条: the other agency replies within 15 working days of 03-06, i.e. by 03-27.
        Assert.Contains(early.Steps, s => s.Date == new LocalDate(2024, 3, 27) && s.Description.Contains("条例第三十四条", StringComparison.Ordinal));
    }

    [Fact]
    public void AFinishedConsultation_ExcludesItsActualDays_ButNeverMoreThan15()
    {
        var shortOne = Received(new(2024, 3, 4)).StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 3, 6), Cal).EndConsultation(new(2024, 3, 13));
        var longOne = Received(new(2024, 3, 4)).StartConsultation(PauseKind.ThirdPartyConsultation, new(2024, 3, 6), Cal).EndConsultation(new(2024, 4, 12));

        var s = DeadlinePolicy.Compute(shortOne, Cal, new(2024, 3, 13));
        var l = DeadlinePolicy.Compute(longOne, Cal, new(2024, 4, 12));

        Assert.Equal(5, s.PausedWorkingDays);                 // 03-07, 08, 11, 12, 13
        Assert.Equal(new LocalDate(2024, 4, 9), s.DueOn);
        Assert.Equal(15, l.PausedWorkingDays);                // 26 working days, 15 excluded (条例第三十二条)
        Assert.Equal(new LocalDate(2024, 4, 23), l.DueOn);
        Assert.Contains(l.Steps, x => x.Description.Contains("实际26个工作日", StringComparison.Ordinal));
    }

    [Fact]
    public void ADecidedCase_NotYetServed_StillRuns_AndIsLateAfterTheDueDate()
    {
        // 条例第三十三条 is a period to 答复: the decision alone does not stop the clock.
        var decided = Received(new(2024, 3, 4)).Decide(RequestOutcomes.Disclosed, new(2024, 3, 20));
        var answered = decided.Answer(new(2024, 4, 2));

        Assert.True(DeadlinePolicy.Compute(decided, Cal, new(2024, 4, 2)).IsOverdue(new(2024, 4, 2)));
        Assert.False(DeadlinePolicy.Compute(answered, Cal, new(2024, 4, 2)).IsRunning);
    }

    [Fact]
    public void DueOn_WhileAwaitingCorrection_IsNotSet()
    {
        var c = Received(new(2024, 3, 4)).RequestCorrection(new(2024, 3, 5), new(2024, 3, 15), Cal);
        var result = DeadlinePolicy.Compute(c, Cal, new(2024, 3, 6));
        Assert.Null(result.DueOn);
        Assert.Contains(result.Steps, s => s.Description.Contains("重新计算", StringComparison.Ordinal));
    }

    [Fact]
    public void IsOverdue_OnlyAfterTheDueDay()
    {
        var result = DeadlinePolicy.Compute(Received(new(2024, 3, 4)), Cal, new(2024, 3, 4));
        Assert.False(result.IsOverdue(new(2024, 4, 1)));
        Assert.True(result.IsOverdue(new(2024, 4, 2)));
    }

    [Fact]
    public void Compute_WhenTheDeadlineRunsIntoAYearWithoutHolidayData_Throws() =>
        Assert.Throws<CalendarNotCoveredException>(() => DeadlinePolicy.Compute(Received(new(2026, 12, 10)), Cal, new(2026, 12, 10)));

    [Fact]
    public void Compute_NamesTheCalendarVersionOfALocalCalendar()
    {
        var local = OfficialHolidays.BuildCalendar([new CalendarOverride(new(2024, 3, 29), CalendarDayKind.Rest, "本地调整（示例）")]);
        var result = DeadlinePolicy.Compute(Received(new(2024, 3, 4)), local, new(2024, 3, 4));
        Assert.Equal(local.Version, result.CalendarVersion);
        Assert.Equal(new LocalDate(2024, 4, 2), result.DueOn);
    }

    [Fact]
    public void WithoutExplanation_TheDueDateAndFlagsAreTheSame_AndNoStepsAreBuilt()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var received = new LocalDate(2019, 1, 2).PlusDays(random.Next(0, 365 * 7));
            var c = Received(received);
            if (random.Next(2) == 0)
            {
                var from = received.PlusDays(random.Next(0, 10));
                c = c.StartConsultation(random.Next(2) == 0 ? PauseKind.ThirdPartyConsultation : PauseKind.InterAgencyConsultation, from, Cal);
                if (random.Next(3) > 0)
                {
                    c = c.EndConsultation(from.PlusDays(random.Next(0, 40)));
                }
            }
            var today = c.LastStepOn.PlusDays(random.Next(0, 30));
            var full = DeadlinePolicy.Compute(c, Cal, today);
            var quick = DeadlinePolicy.Compute(c, Cal, today, explain: false);

            Assert.Equal((full.DueOn, full.IsRunning, full.HasLiveDueDate, full.PausedWorkingDays), (quick.DueOn, quick.IsRunning, quick.HasLiveDueDate, quick.PausedWorkingDays));
            Assert.Empty(quick.Steps);
        }
    }
}
