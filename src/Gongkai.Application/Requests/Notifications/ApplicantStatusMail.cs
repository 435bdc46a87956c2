using System.Text;
using Gongkai.Application.Requests.Reminders;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Requests.Notifications;

/// <summary>
/// The e-mails an applicant who gave an address receives as the case moves: received, confirmed, 补正 requested, extended,
/// fee notice, answer served, closed. Plain text; the tracking code, the agency, the dates that matter and the link to
/// the tracking page — never the secret, the applicant's name or ID number, or what the office wrote in the case.
/// </summary>
public static class ApplicantStatusMail
{
    /// <summary>Case actions the applicant is told of (the step's audit action names).</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        "request.create", "request.confirm", "request.correction", "request.extend", "request.fee-notice", "request.answer",
        "request.close-no-correction", "request.close-unpaid",
    ];

    /// <summary>The e-mail for <paramref name="action"/> on <paramref name="record"/>, or null when the applicant is not told of it.</summary>
    public static ReminderMail? Compose(string action, RequestRecord record, string agencyName, Uri? baseUrl)
    {
        var code = record.TrackingCode;
        (string Subject, string Text)? what = action switch
        {
            "request.create" when record.ReceivedOn is null =>
                ("申请已提交", $"您向{agencyName}提交的政府信息公开申请已提交，待政府信息公开工作机构确认收到。{record.Channel.ReceiptRule()}。"),
            "request.create" or "request.confirm" =>
                ("已确认收到申请", $"{agencyName}已收到您的政府信息公开申请，收到申请之日为{Day(record.ReceivedOn)}。"
                    + (record.ClockRunning && record.DueOn is { } due ? $"答复期限为{Day(due)}（自收到申请之日起20个工作日，条例第三十三条）。" : "")),
            "request.correction" =>
                ("需要补正申请", $"{agencyName}告知：您的申请内容需要补正（条例第三十条）。"
                    + (record.ApplicantDueOn is { } by ? $"请在{Day(by)}前补正；" : "")
                    + "需要补正的事项见申请查询页面和补正告知书。无正当理由逾期不补正的，视为放弃申请。"),
            "request.extend" =>
                ("答复期限延长", $"经政府信息公开工作机构负责人同意，{agencyName}延长了您的申请的答复期限"
                    + (record.DueOn is { } extended ? $"，延长后的答复期限为{Day(extended)}" : "") + "（条例第三十三条第二款）。"),
            "request.fee-notice" =>
                ("收费通知", $"{agencyName}向您发出了信息处理费收费通知书。"
                    + (record.ApplicantDueOn is { } pay ? $"请在{Day(pay)}前缴纳；" : "")
                    + "金额和缴费方式见申请查询页面的收费通知书。缴费期间不计算在答复期限内。"),
            "request.answer" =>
                ("答复已送达", $"{agencyName}已对您的申请作出答复（{Day(record.AnsweredOn)}）。请在申请查询页面查看答复告知书。"),
            "request.close-no-correction" =>
                ("申请已终止办理", $"您未在补正期限内补正申请，视为放弃申请，{agencyName}不再处理（条例第三十条）。"),
            "request.close-unpaid" =>
                ("申请已终止办理", $"您未在规定期限内缴纳信息处理费，{agencyName}已终止办理您的申请。"),
            _ => null,
        };
        if (what is not { } m)
        {
            return null;
        }
        var link = baseUrl is null ? "/track" : new Uri(baseUrl, "track").ToString();
        var body = new StringBuilder();
        body.Append("申请人：\n\n");
        body.Append(m.Text).Append("\n\n");
        body.Append("查询码：").Append(code).Append('\n');
        body.Append("申请查询：").Append(link).Append('\n');
        body.Append("请凭查询码和提交申请时得到的查询密码查询办理进度。本邮件不含查询密码；请勿将查询密码告诉他人。\n\n");
        body.Append("本邮件由政府信息公开平台自动发送，请勿直接回复。\n");
        return new ReminderMail($"【政府信息公开申请】{m.Subject}（查询码 {code}）", body.ToString());
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
