using Gongkai.Domain.Calendar;
using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>One line of "how today's due date was computed", in Chinese for the case page.</summary>
/// <param name="Date">The date the step fixes, if any.</param>
/// <param name="WorkingDays">Working days the step adds to the period, if any.</param>
public sealed record DeadlineStep(string Description, LocalDate? Date, int? WorkingDays);

/// <summary>A due date with its derivation and the calendar version that computed it (stored with the case).</summary>
/// <param name="DueOn">The last day to answer on time; null while the clock waits for a 补正 or after closing for no correction.</param>
/// <param name="IsRunning">False while paused (consultation, payment, correction) or once decided/closed.</param>
/// <param name="PausedWorkingDays">Working days excluded so far (an open pause counts up to the computation date).</param>
public sealed record DeadlineComputation(
    LocalDate? DueOn,
    bool IsRunning,
    int ExtensionWorkingDays,
    int PausedWorkingDays,
    string CalendarVersion,
    IReadOnlyList<DeadlineStep> Steps)
{
    /// <summary>Late means: the clock is still running and <paramref name="on"/> is after the due date.</summary>
    public bool IsOverdue(LocalDate on) => IsRunning && DueOn is { } due && on > due;
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
    /// Why the fee period is excluded although domain.md §3 marks it UNVERIFIED: 109号 requires the 收费通知 within the answer
    /// period and the agency cannot process until paid; counting the applicant's 20 payment days against the agency would let
    /// the deadline lapse through no act of its own. Reading adopted here: the fee period pauses the clock like a consultation.
    /// </summary>
    public const string FeePeriodRemark =
        "收费通知送达至缴费期间不计入答复期限：国办函〔2020〕109号要求在答复期限内发出收费通知，申请人缴费前行政机关无法继续处理；该期间是否扣除，现行文件未见明文（待核实），本系统按扣除处理。";

    /// <summary>
    /// The due date of <paramref name="request"/> as of <paramref name="today"/> (an open pause counts up to today, so the
    /// date moves while paused). Uses, and reports, <paramref name="calendar"/>'s version.
    /// </summary>
    public static DeadlineComputation Compute(RequestCase request, WorkingDayCalendar calendar, LocalDate today)
    {
        var steps = new List<DeadlineStep>
        {
            new($"收到申请之日：{Iso(request.ReceivedOn)}。{request.Channel.ReceiptRule()}。", request.ReceivedOn, null),
        };
        foreach (var c in request.Corrections)
        {
            var corrected = c.CorrectedOn is { } on
                ? $"，{Iso(on)}收到补正后的申请，答复期限自该日起重新计算（条例第三十条）"
                : "，尚未补正";
            steps.Add(new($"{Iso(c.NoticeOn)}发出补正通知，补正期限至{Iso(c.DueOn)}{corrected}。", c.CorrectedOn, null));
        }

        if (request.State == RequestState.AwaitingCorrection)
        {
            steps.Add(new("等待补正：答复期限暂不计算，自收到补正后的申请之日起重新计算20个工作日（条例第三十条）。", null, null));
            return new DeadlineComputation(null, false, 0, 0, calendar.Version, steps);
        }
        if (request.Outcome == RequestOutcomes.NoCorrection)
        {
            steps.Add(new("申请人逾期未补正，视为放弃申请，不再计算答复期限（条例第三十条）。", request.ClosedOn, null));
            return new DeadlineComputation(null, false, 0, 0, calendar.Version, steps);
        }

        var start = request.ClockStartOn;
        steps.Add(new($"起算：{Iso(start)}（当日不计入，自次日起算工作日）。", start, null));
        steps.Add(new($"基本期限：{BaseWorkingDays}个工作日（条例第三十三条第二款），未扣除中止、未延期时至{Iso(calendar.AddWorkingDays(start, BaseWorkingDays))}。",
            null, BaseWorkingDays));

        var extension = request.Extension?.WorkingDays ?? 0;
        if (request.Extension is { } e)
        {
            steps.Add(new($"延长期限：{Iso(e.ApprovedOn)}经{e.ApprovedBy}同意延长{e.WorkingDays}个工作日（条例第三十三条第二款，最长20个工作日）；理由：{e.Reason}。",
                e.ApprovedOn, e.WorkingDays));
        }

        var paused = 0;
        foreach (var p in request.Pauses)
        {
            var open = p.To is null;
            var end = p.To ?? (today > p.From ? today : p.From);
            var days = calendar.CountWorkingDays(p.From, end);
            paused += days;
            var what = p.Kind switch
            {
                PauseKind.ThirdPartyConsultation => "征求第三方意见",
                PauseKind.InterAgencyConsultation => "征求其他机关意见",
                _ => "收费通知送达至缴费",
            };
            var basis = p.Kind == PauseKind.FeePayment ? FeePeriodRemark : "所需时间不计算在答复期限内（条例第三十三条第三款）。";
            var span = open ? $"自{Iso(p.From)}起，至{Iso(end)}尚未结束，暂计" : $"{Iso(p.From)}至{Iso(end)}，";
            steps.Add(new($"{what}：{span}扣除{days}个工作日；{basis}", end, days));
        }

        var total = BaseWorkingDays + extension + paused;
        var due = calendar.AddWorkingDays(start, total);
        var running = request.State is RequestState.Received or RequestState.Extended;
        var suffix = running ? "" : request.State switch
        {
            RequestState.ThirdPartyConsultation or RequestState.InterAgencyConsultation or RequestState.AwaitingPayment => "（中止中，期限随中止天数顺延）",
            _ => "（已不再计时）",
        };
        steps.Add(new($"答复期限：{Iso(due)}{suffix}＝自{Iso(start)}起第{total}个工作日（{BaseWorkingDays}＋延长{extension}＋扣除{paused}）；工作日历版本：{calendar.Version}。",
            due, null));
        return new DeadlineComputation(due, running, extension, paused, calendar.Version, steps);
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", null);
}
