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
    public void DueOn_WhileConsulting_MovesWithTodayAndTheClockIsNotRunning()
    {
        var c = Received(new(2024, 3, 4)).StartConsultation(PauseKind.InterAgencyConsultation, new(2024, 3, 6), Cal);
        var result = DeadlinePolicy.Compute(c, Cal, new(2024, 3, 13)); // 03-07, 08, 11, 12, 13 excluded so far
        Assert.Equal(5, result.PausedWorkingDays);
        Assert.Equal(new LocalDate(2024, 4, 9), result.DueOn);
        Assert.False(result.IsRunning);
        Assert.False(result.IsOverdue(new(2024, 5, 1)));
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
}
