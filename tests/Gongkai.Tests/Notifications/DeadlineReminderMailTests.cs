using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Reminders;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Tests.Notifications;

/// <summary>The reminder's text: what it lists, and the rule it states.</summary>
public sealed class DeadlineReminderMailTests
{
    private static readonly DateOnly Today = new(2025, 3, 14);

    private static RequestRow Row(long id, string code, RequestState state) =>
        new(id, 7, "示例县人民政府", code, "欧**", ApplicantType.NaturalPerson, SubmissionChannel.InPerson, state, new DateOnly(2025, 2, 10),
            new DateOnly(2025, 3, 10), true, null, DateTime.UnixEpoch);

    private static ReminderMail Compose(IReadOnlyList<RequestRow> lapsed) =>
        DeadlineReminderMail.Compose("示例县人民政府",
            new DeadlineDashboard(Today, new DateOnly(2025, 3, 21), 0, [Row(1, "YSQ20250210-AAAAAA", RequestState.Decided)], [], [], [],
                [new AgencyDeadlineCount(7, "示例县人民政府", 1, 0, 1)], lapsed),
            new AgencyDeadlineCount(7, "示例县人民政府", 1, 0, 1), OfficialHolidays.Calendar, new Uri("https://gk.example.gov.cn/"));

    [Fact]
    public void CasesWhoseApplicantPeriodLapsed_AreListedForClosing()
    {
        var mail = Compose([Row(2, "YSQ20250210-BBBBBB", RequestState.AwaitingCorrection)]);

        Assert.Contains("三、申请人逾期未补正或未缴费，可依法终止办理（1件）", mail.Body, StringComparison.Ordinal);
        Assert.Contains("YSQ20250210-BBBBBB", mail.Body, StringComparison.Ordinal);
        Assert.Contains("https://gk.example.gov.cn/staff/requests/2", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRuleItStates_MatchesTheDashboard_DecidedStillRuns_ConsultationsCapped()
    {
        var mail = Compose([]);

        Assert.DoesNotContain("三、", mail.Body, StringComparison.Ordinal);
        Assert.Contains("已作出决定但尚未送达的仍在计时", mail.Body, StringComparison.Ordinal);
        Assert.Contains("按最长15个工作日扣除", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("欧**", mail.Body, StringComparison.Ordinal); // no applicant data in e-mail
    }
}
