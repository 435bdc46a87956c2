using System.Text;
using Gongkai.Domain.Calendar;
using NodaTime;

namespace Gongkai.Application.Requests.Reminders;

/// <summary>A reminder e-mail, ready for SMTP.</summary>
public sealed record ReminderMail(string Subject, string Body);

/// <summary>
/// Writes an agency's daily reminder in Chinese. It lists cases by 查询码, internal number, due date and a link to the
/// case page — never the applicant's name, ID number, contacts or the request text (personal data stays in the back office).
/// </summary>
public static class DeadlineReminderMail
{
    public static ReminderMail Compose(string agencyName, DeadlineDashboard dashboard, AgencyDeadlineCount counts, WorkingDayCalendar calendar, Uri? baseUrl)
    {
        var today = dashboard.Today;
        var subject = $"【期限提醒】{agencyName}：已逾期{counts.Overdue}件，5个工作日内到期{counts.DueSoon}件（{today:yyyy-MM-dd}）";
        var b = new StringBuilder();
        b.Append(agencyName).Append("政府信息公开工作人员：\n\n");
        b.Append($"截至{today:yyyy年M月d日}，本单位收到的政府信息公开申请中，已超过答复期限的有{counts.Overdue}件，");
        b.Append($"将在5个工作日内（{dashboard.SoonLimit:yyyy-MM-dd}前）到期的有{counts.DueSoon}件。\n");
        b.Append("答复期限为自收到申请之日起20个工作日，经批准延长的不超过20个工作日（《中华人民共和国政府信息公开条例》第三十三条）；");
        b.Append("已作出决定但尚未送达的仍在计时；征求第三方或其他机关意见的，按最长15个工作日扣除（条例第三十二条、第三十四条）后列入；");
        b.Append("待补正、待缴费期间不计算在内。\n\n");
        Section(b, $"一、已逾期（{counts.Overdue}件）", dashboard.Overdue, counts.Overdue, today, calendar, baseUrl, overdue: true);
        Section(b, $"二、5个工作日内到期（{counts.DueSoon}件）", dashboard.DueSoon, counts.DueSoon, today, calendar, baseUrl, overdue: false);
        if (dashboard.ApplicantPeriodLapsed.Count > 0)
        {
            // Not late on the office's side, but waiting on a decision to close (条例第三十条; 国办函〔2020〕109号).
            b.Append($"三、申请人逾期未补正或未缴费，可依法终止办理（{dashboard.ApplicantPeriodLapsed.Count}件）\n");
            var n = 0;
            foreach (var r in dashboard.ApplicantPeriodLapsed)
            {
                b.Append($"  {++n}. 查询码 {r.TrackingCode}（内部编号 {r.Id}），{r.StateLabel}，收到申请 {r.ReceivedOn:yyyy-MM-dd}\n");
                b.Append("     ").Append(Link(baseUrl, $"staff/requests/{r.Id}")).Append('\n');
            }
            b.Append('\n');
        }
        b.Append("期限预警：").Append(Link(baseUrl, $"staff/requests/deadlines?agency={counts.AgencyId}")).Append('\n');
        b.Append("\n本邮件由政府信息公开平台在工作日自动发送，每个单位每天一封；申请人个人信息请登录后台查看。\n");
        return new ReminderMail(subject, b.ToString());
    }

    private static void Section(StringBuilder b, string title, IReadOnlyList<RequestRow> rows, int total, DateOnly today, WorkingDayCalendar calendar,
        Uri? baseUrl, bool overdue)
    {
        b.Append(title).Append('\n');
        if (rows.Count == 0)
        {
            b.Append("  无\n\n");
            return;
        }
        var n = 0;
        foreach (var r in rows)
        {
            n++;
            b.Append($"  {n}. 查询码 {r.TrackingCode}（内部编号 {r.Id}），{r.StateLabel}，");
            b.Append($"收到申请 {r.ReceivedOn:yyyy-MM-dd}，答复期限 {r.DueOn:yyyy-MM-dd}");
            if (r.DueOn is { } due)
            {
                if (overdue)
                {
                    b.Append($"，已逾期{Working(calendar, due, today)}个工作日");
                }
                else if (due == today)
                {
                    b.Append("，今天到期");
                }
                else
                {
                    b.Append($"，还剩{Working(calendar, today, due)}个工作日");
                }
            }
            b.Append('\n');
            b.Append("     ").Append(Link(baseUrl, $"staff/requests/{r.Id}")).Append('\n');
        }
        if (total > rows.Count)
        {
            b.Append($"  另有{total - rows.Count}件未列出，请登录后台查看。\n");
        }
        b.Append('\n');
    }

    private static int Working(WorkingDayCalendar calendar, DateOnly after, DateOnly through)
    {
        try
        {
            return calendar.CountWorkingDays(LocalDate.FromDateOnly(after), LocalDate.FromDateOnly(through));
        }
        catch (CalendarNotCoveredException)
        {
            return 0;
        }
    }

    private static string Link(Uri? baseUrl, string path) => baseUrl is null ? "/" + path : new Uri(baseUrl, path).ToString();
}
