using Gongkai.Domain.Calendar;
using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>One line of "how today's due date was computed", in Chinese for the case page.</summary>
/// <param name="Date">The date the step fixes, if any.</param>
/// <param name="WorkingDays">Working days the step adds to the period, if any.</param>
public sealed record DeadlineStep(string Description, LocalDate? Date, int? WorkingDays);

/// <summary>A due date with its derivation and the calendar version that computed it (stored with the case).</summary>
/// <param name="DueOn">The last day to answer on time; null while the clock waits for a 补正 or after closing for no correction.</param>
/// <param name="IsRunning">True while the agency is processing or has decided but not yet served the answer; false while
/// paused (consultation, payment, correction) or once answered/closed.</param>
/// <param name="HasLiveDueDate">The due date can pass: running, or in a consultation (whose excluded time is capped).</param>
/// <param name="PausedWorkingDays">Working days excluded so far (an open pause counts up to the computation date).</param>
public sealed record DeadlineComputation(
    LocalDate? DueOn,
    bool IsRunning,
    bool HasLiveDueDate,
    int ExtensionWorkingDays,
    int PausedWorkingDays,
    string CalendarVersion,
    IReadOnlyList<DeadlineStep> Steps)
{
    /// <summary>Late means: the answer is still owed and <paramref name="on"/> is after the due date.</summary>
    public bool IsOverdue(LocalDate on) => HasLiveDueDate && DueOn is { } due && on > due;
}

/// <summary>
/// 条例第三十三条: answer within 20 working days of receipt (restarting on receipt of a 补正, 第三十条), plus at most 20 on an
/// approved extension; time spent consulting third parties and other agencies is not counted. Due = the
/// (20 + extension + paused)-th working day after the clock start, the start day itself not counted.
/// </summary>
public static class DeadlinePolicy
{
    /// <summary>条例第三十三条第二款.</summary>
    public const int BaseWorkingDays = 20;

    /// <summary>
    /// 条例第三十二条 (third party) and 第三十四条 (other agencies): the consulted party replies within 15 working days. The
    /// time "needed" to consult (第三十三条第三款) therefore ends there: an open consultation is excluded for its full 15
    /// days (the latest possible due date), a finished one for its actual days, never more than 15.
    /// </summary>
    public const int ConsultationWorkingDays = 15;

    /// <summary>
    /// Why the fee period is excluded although domain.md §3 marks it UNVERIFIED: 109号 requires the 收费通知 within the answer
    /// period and the agency cannot process until paid; counting the applicant's 20 payment days against the agency would let
    /// the deadline lapse through no act of its own. Reading adopted here: the fee period pauses the clock like a consultation.
    /// </summary>
    public const string FeePeriodRemark =
        "收费通知送达至缴费期间不计入答复期限：国办函〔2020〕109号要求在答复期限内发出收费通知，申请人缴费前行政机关无法继续处理；该期间是否扣除，现行文件未见明文（待核实），本系统按扣除处理。";

    /// <summary>
    /// The due date of <paramref name="request"/> as of <paramref name="today"/> (an open pause counts up to today, so the
    /// date moves while paused). Uses, and reports, <paramref name="calendar"/>'s version. With <paramref name="explain"/>
    /// false the Chinese steps are not built (what storing a due date needs; about five times faster in bulk).
    /// </summary>
    public static DeadlineComputation Compute(RequestCase request, WorkingDayCalendar calendar, LocalDate today, bool explain = true)
    {
        // Null when not explaining: every steps?.Add(...) below then skips building its string.
        var steps = explain
            ? new List<DeadlineStep> { new($"收到申请之日：{Iso(request.ReceivedOn)}。{request.Channel.ReceiptRule()}。", request.ReceivedOn, null) }
            : null;
        if (steps is not null)
        {
            foreach (var c in request.Corrections)
            {
                var corrected = c.CorrectedOn is { } on
                    ? $"，{Iso(on)}收到补正后的申请，答复期限自该日起重新计算（条例第三十条）"
                    : "，尚未补正";
                steps.Add(new($"{Iso(c.NoticeOn)}发出补正通知，补正期限至{Iso(c.DueOn)}{corrected}。", c.CorrectedOn, null));
            }
        }

        if (request.State == RequestState.AwaitingCorrection)
        {
            steps?.Add(new("等待补正：答复期限暂不计算，自收到补正后的申请之日起重新计算20个工作日（条例第三十条）。", null, null));
            return new DeadlineComputation(null, false, false, 0, 0, calendar.Version, steps ?? []);
        }
        if (request.Outcome == RequestOutcomes.NoCorrection)
        {
            steps?.Add(new("申请人逾期未补正，视为放弃申请，不再计算答复期限（条例第三十条）。", request.ClosedOn, null));
            return new DeadlineComputation(null, false, false, 0, 0, calendar.Version, steps ?? []);
        }

        var start = request.ClockStartOn;
        if (steps is not null && request.Corrections.Count == 0 && request.State is RequestState.Received)
        {
            // The office's own deadline that precedes the answer: 条例第三十条 allows a 补正 only within 7 working days.
            var lastNotice = calendar.AddWorkingDays(request.ReceivedOn, RequestCase.CorrectionNoticeWorkingDays);
            steps.Add(new($"如需补正：应于{Iso(lastNotice)}前一次性告知需要补正的事项（收到申请之日起{RequestCase.CorrectionNoticeWorkingDays}个工作日内，条例第三十条）。",
                lastNotice, null));
        }
        steps?.Add(new($"起算：{Iso(start)}（当日不计入，自次日起算工作日）。", start, null));
        steps?.Add(new($"基本期限：{BaseWorkingDays}个工作日（条例第三十三条第二款），未扣除中止、未延期时至{Iso(calendar.AddWorkingDays(start, BaseWorkingDays))}。",
            null, BaseWorkingDays));

        var extension = request.Extension?.WorkingDays ?? 0;
        if (request.Extension is { } e)
        {
            steps?.Add(new($"延长期限：{Iso(e.ApprovedOn)}经{e.ApprovedBy}同意延长{e.WorkingDays}个工作日（条例第三十三条第二款，最长20个工作日）；理由：{e.Reason}。",
                e.ApprovedOn, e.WorkingDays));
        }

        var paused = 0;
        foreach (var p in request.Pauses)
        {
            var open = p.To is null;
            if (p.Kind == PauseKind.FeePayment)
            {
                var end = p.To ?? (today > p.From ? today : p.From);
                var days = calendar.CountWorkingDays(p.From, end);
                paused += days;
                steps?.Add(new($"收费通知送达至缴费：{(open ? $"自{Iso(p.From)}起，至{Iso(end)}尚未结束，暂计" : $"{Iso(p.From)}至{Iso(end)}，")}扣除{days}个工作日；{FeePeriodRemark}", end, days));
                continue;
            }
            var (what, article) = p.Kind == PauseKind.ThirdPartyConsultation ? ("征求第三方意见", "条例第三十二条") : ("征求其他机关意见", "条例第三十四条");
            if (p.To is not { } to)
            {
                paused += ConsultationWorkingDays;
                if (steps is null)
                {
                    continue; // the reply date is for the explanation only
                }
                var replyBy = calendar.AddWorkingDays(p.From, ConsultationWorkingDays);
                steps.Add(new($"{what}：自{Iso(p.From)}起，尚未结束；被征求意见方应于{Iso(replyBy)}前提出意见（{article}：15个工作日），"
                    + $"按最长{ConsultationWorkingDays}个工作日扣除，提前结束的按实际天数扣除；所需时间不计算在答复期限内（条例第三十三条第三款）。",
                    replyBy, ConsultationWorkingDays));
                continue;
            }
            var actual = calendar.CountWorkingDays(p.From, to);
            var excluded = Math.Min(actual, ConsultationWorkingDays);
            paused += excluded;
            steps?.Add(new($"{what}：{Iso(p.From)}至{Iso(to)}，扣除{excluded}个工作日{(actual > ConsultationWorkingDays ? $"（实际{actual}个工作日；超过{article}规定的15个工作日答复期的部分不予扣除）" : "")}；所需时间不计算在答复期限内（条例第三十三条第三款）。",
                to, excluded));
        }

        var running = request.ClockRuns;
        var suffix = running ? "" : request.State switch
        {
            RequestState.ThirdPartyConsultation or RequestState.InterAgencyConsultation => "（征求意见中，按最长15个工作日扣除）",
            RequestState.AwaitingPayment => "（中止中，期限随中止天数顺延）",
            _ => "（已不再计时）",
        };
        var total = BaseWorkingDays + extension + paused;
        var due = calendar.AddWorkingDays(start, total);
        if (request.ReasonableDeadline is { } r)
        {
            // 条例第三十五条: the reasonable later deadline replaces the computed one (it was fixed on or after it; a pause
            // that began since can still carry the computed date past it, and then the later date holds).
            var fixedOn = r.DueOn > due ? r.DueOn : due;
            steps?.Add(new($"合理期限：{Iso(r.DecidedOn)}经{r.DecidedBy}决定，申请人申请数量、频次明显超过合理范围，答复期限确定为{Iso(r.DueOn)}（条例第三十五条）；理由：{r.Reason}。"
                + (fixedOn == r.DueOn ? "" : $"此后扣除的期间使计算的期限晚于该日，按{Iso(fixedOn)}。"), r.DueOn, null));
            steps?.Add(new($"答复期限：{Iso(fixedOn)}{suffix}（条例第三十五条确定的合理期限）；按第三十三条计算为{Iso(due)}（自{Iso(start)}起第{total}个工作日）；工作日历版本：{calendar.Version}。",
                fixedOn, null));
            return new DeadlineComputation(fixedOn, running, request.HasLiveDueDate, extension, paused, calendar.Version, steps ?? []);
        }
        steps?.Add(new($"答复期限：{Iso(due)}{suffix}＝自{Iso(start)}起第{total}个工作日（{BaseWorkingDays}＋延长{extension}＋扣除{paused}）；工作日历版本：{calendar.Version}。",
            due, null));
        return new DeadlineComputation(due, running, request.HasLiveDueDate, extension, paused, calendar.Version, steps ?? []);
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", null);
}
