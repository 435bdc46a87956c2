using System.Globalization;
using Gongkai.Application.Platform;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Application.Requests.Receipts;

/// <summary>
/// The applicant's receipt (申请回执) of an online application: what they asked of whom and when, and how the day of
/// receipt — from which the answer period runs — is set (条例第三十一条). It carries no personal data but the applicant's
/// masked name: the receipt is printed, and it is shown again to anyone holding the tracking code and secret.
/// </summary>
/// <param name="Secret">Only on the page that answers the submission itself; never stored, never shown again.</param>
public sealed record ApplicationReceipt(
    string TrackingCode,
    string? Secret,
    string SubmittedAtBeijing,
    string AgencyName,
    string ApplicantMasked,
    string Description,
    string? DocumentNumber,
    string WantedForm,
    string Delivery,
    DateOnly? ReceivedOn,
    DateOnly? DueOn,
    string ReceiptRule)
{
    public static ApplicationReceipt From(RequestRecord record, string agencyName, string? secret = null) => new(
        record.TrackingCode,
        secret,
        BeijingTime(record.SubmittedAt),
        agencyName,
        record.NameMasked,
        record.Description,
        record.DocumentNumber,
        record.WantedForm,
        record.Delivery,
        record.ReceivedOn,
        record.ClockRunning ? record.DueOn : null,
        ReceiptRuleFor(record));

    /// <summary>A stored UTC time as Beijing time (Asia/Shanghai), to the minute.</summary>
    public static string BeijingTime(DateTime utc) => Platform.BeijingTime.Format(utc) + "（北京时间）";

    private const string AnswerPeriod = "行政机关自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（条例第三十三条）。";

    /// <summary>How the day of receipt is set for this channel, and what happens next while it is not set yet.</summary>
    private static string ReceiptRuleFor(RequestRecord record) =>
        record.Channel.ReceiptRule() + "。"
        + (record.ReceivedOn is null ? "政府信息公开工作机构确认收到后，收到申请之日和答复期限将在申请查询页面显示。" : "")
        + AnswerPeriod;
}
