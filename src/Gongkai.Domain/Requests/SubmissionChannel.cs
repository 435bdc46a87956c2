using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>How a request reached the agency (条例第二十九条: in writing, incl. 数据电文; oral requests are transcribed).</summary>
public enum SubmissionChannel
{
    /// <summary>当面提交 (including oral requests the office transcribes).</summary>
    InPerson = 1,
    /// <summary>邮寄（需签收的挂号信、特快专递等）.</summary>
    RegisteredPost = 2,
    /// <summary>邮寄（平信，无需签收）.</summary>
    OrdinaryLetter = 3,
    /// <summary>互联网在线申请（政府信息公开平台）.</summary>
    Online = 4,
    /// <summary>电子邮箱.</summary>
    Email = 5,
    /// <summary>传真（本机关政府信息公开工作机构的传真）.</summary>
    Fax = 6,
}

/// <summary>The facts a receipt date can rest on; which one counts depends on the channel (条例第三十一条).</summary>
/// <param name="SubmittedOn">当面: the day the applicant handed it in.</param>
/// <param name="SignedForOn">挂号: the day the agency signed for the item.</param>
/// <param name="ConfirmedOn">平信: the day the office confirmed with the applicant; 在线/邮箱/传真: the day both sides confirmed.</param>
public sealed record ReceiptFacts(LocalDate? SubmittedOn = null, LocalDate? SignedForOn = null, LocalDate? ConfirmedOn = null);

public static class SubmissionChannels
{
    public static string Label(this SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "当面提交",
        SubmissionChannel.RegisteredPost => "邮寄（挂号信）",
        SubmissionChannel.OrdinaryLetter => "邮寄（平信）",
        SubmissionChannel.Online => "互联网在线",
        SubmissionChannel.Email => "电子邮箱",
        SubmissionChannel.Fax => "传真",
        _ => channel.ToString(),
    };

    /// <summary>条例第三十一条, per channel: which day is the day of receipt (shown next to the date on the case page).</summary>
    public static string ReceiptRule(this SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）",
        SubmissionChannel.RegisteredPost => "以邮寄方式提交、需要签收的，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）",
        SubmissionChannel.OrdinaryLetter => "以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构于收到申请的当日与申请人确认之日为收到申请之日（条例第三十一条第（二）项）",
        SubmissionChannel.Online or SubmissionChannel.Email or SubmissionChannel.Fax =>
            "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>
    /// 条例第三十一条: the day of receipt for <paramref name="channel"/>. The fact the rule needs must be recorded;
    /// others are ignored (a letter's postmark never starts the clock).
    /// </summary>
    public static LocalDate ReceiptDate(this SubmissionChannel channel, ReceiptFacts facts) => channel switch
    {
        SubmissionChannel.InPerson => facts.SubmittedOn ?? throw new RequestWorkflowException("当面提交的申请须记录提交日期。"),
        SubmissionChannel.RegisteredPost => facts.SignedForOn ?? throw new RequestWorkflowException("需签收的邮寄申请须记录本机关签收日期。"),
        SubmissionChannel.OrdinaryLetter => facts.ConfirmedOn ?? throw new RequestWorkflowException("平信申请须记录与申请人确认收到的日期。"),
        SubmissionChannel.Online or SubmissionChannel.Email or SubmissionChannel.Fax =>
            facts.ConfirmedOn ?? throw new RequestWorkflowException("网络、邮箱或传真申请须记录双方确认日期。"),
        _ => throw new RequestWorkflowException("未知的申请渠道。"),
    };
}
