using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Gongkai.Application.Requests.Reminders;

namespace Gongkai.Application.Requests.Delivery;

/// <summary>A document as the e-mail lists it: attached, or a link to the portal.</summary>
public sealed record MailDocument(string Name, string? Link, MailFile? File);

/// <summary>
/// The e-mail that serves the disclosed information (送达) to the address the applicant gave. Sent through the SMTP
/// server the deadline reminders use (<c>Smtp:*</c>); the body names the case by its tracking code only.
/// </summary>
public sealed class DeliveryMailer(DeadlineReminderOptions options)
{
    /// <summary>Above this total the files are not attached; the mail points to the tracking page instead.</summary>
    public const long MaxAttachedBytes = 10 * 1024 * 1024;

    public bool Configured => options.Smtp is not null;

    public Uri? SiteBaseUrl => options.SiteBaseUrl;

    public static (string Subject, string Body) Compose(string agencyName, string trackingCode, IReadOnlyList<MailDocument> documents, bool filesAttached, Uri? baseUrl)
    {
        var subject = $"【政府信息公开】{agencyName}向您提供申请公开的政府信息（查询码 {trackingCode}）";
        var b = new StringBuilder();
        b.Append("申请人：\n\n");
        b.Append($"您向{agencyName}提出的政府信息公开申请（查询码 {trackingCode}），本机关已作出公开决定，现依照《中华人民共和国政府信息公开条例》");
        b.Append("第四十条，按照您要求的获取方式以电子邮件提供相关政府信息：\n\n");
        var n = 0;
        foreach (var d in documents)
        {
            b.Append($"  {++n}. {d.Name}");
            if (d.Link is not null)
            {
                b.Append("（已主动公开，请访问：").Append(d.Link).Append('）');
            }
            else if (filesAttached)
            {
                b.Append("（见附件）");
            }
            b.Append('\n');
        }
        if (!filesAttached && documents.Any(d => d.File is not null))
        {
            b.Append("\n文件较大，未随本邮件附送，请凭查询码和查询密码在“政府信息公开申请查询”页面下载：")
                .Append(baseUrl is null ? "/track" : new Uri(baseUrl, "track").ToString()).Append('\n');
        }
        b.Append("\n如对本机关提供的政府信息有疑问，请与本机关政府信息公开工作机构联系。\n");
        b.Append("本邮件由政府信息公开平台发送，请勿直接回复。\n");
        return (subject, b.ToString());
    }

    /// <summary>Sends; an SMTP refusal (a rejected address, a server that is down) surfaces as <see cref="SmtpException"/>.</summary>
    public Task SendAsync(MailAddress to, string subject, string body, IReadOnlyList<MailFile> files, CancellationToken ct) =>
        SmtpSender.SendAsync(options.Smtp ?? throw new InvalidOperationException("SMTP is not configured."), [to], subject, body, ct, files);
}
