using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Notifications;
using Gongkai.Domain.Requests;

namespace Gongkai.Tests.Requests.Citizen;

/// <summary>The status e-mails' text for the steps the flow test does not reach: fee notice, closings, and steps not told.</summary>
public sealed class ApplicantStatusMailTextTests
{
    private static readonly Uri BaseUrl = new("https://gk.example.gov.cn/");

    private static RequestRecord Case() => new()
    {
        TrackingCode = "YSQ20250314-ABCDEF",
        SecretHash = "x",
        NameProtected = "x",
        IdNumberProtected = "x",
        NameMasked = "欧***",
        IdNumberMasked = "110***********002X",
        Description = "示例县2024年度城乡低保资金发放情况",
        WantedForm = "电子文档",
        Delivery = "电子邮件",
        Channel = SubmissionChannel.Online,
        ReceivedOn = new DateOnly(2025, 3, 14),
        ApplicantDueOn = new DateOnly(2025, 4, 11),
    };

    [Fact]
    public void TheFeeNotice_SaysByWhenToPay_AndWhereTheNoticeIs()
    {
        var mail = ApplicantStatusMail.Compose("request.fee-notice", Case(), "示例县人民政府", BaseUrl)!;

        Assert.Equal("【政府信息公开申请】收费通知（查询码 YSQ20250314-ABCDEF）", mail.Subject);
        Assert.Contains("请在2025年4月11日前缴纳", mail.Body, StringComparison.Ordinal);
        Assert.Contains("申请查询：https://gk.example.gov.cn/track", mail.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request.close-no-correction", "视为放弃申请")]
    [InlineData("request.close-unpaid", "未在规定期限内缴纳信息处理费")]
    public void AClosedCase_SaysWhy(string action, string reason)
    {
        var mail = ApplicantStatusMail.Compose(action, Case(), "示例县人民政府", BaseUrl)!;

        Assert.Contains("申请已终止办理", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(reason, mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("欧***", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("城乡低保", mail.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request.decide")]
    [InlineData("request.consult")]
    [InlineData("request.corrected")]
    public void StepsTheApplicantIsNotToldOf_SendNothing(string action) =>
        Assert.Null(ApplicantStatusMail.Compose(action, Case(), "示例县人民政府", BaseUrl));
}
