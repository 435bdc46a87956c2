using System.Net;
using System.Net.Mail;
using System.Text;

namespace Gongkai.Application.Requests.Reminders;

/// <summary>A file sent with an e-mail.</summary>
public sealed record MailFile(string FileName, string ContentType, byte[] Data);

/// <summary>
/// One plain-text UTF-8 e-mail through the configured SMTP server (<c>Smtp:*</c>): reminders to staff, notices to
/// applicants, disclosed documents. An SMTP refusal (a rejected address, a server that is down) surfaces as
/// <see cref="SmtpException"/>.
/// </summary>
public static class SmtpSender
{
    /// <remarks>The client's own timeout covers synchronous sends only: a caller that must not wait long cancels <paramref name="ct"/>.</remarks>
    public static async Task SendAsync(SmtpSettings smtp, IEnumerable<MailAddress> to, string subject, string body, CancellationToken ct,
        IReadOnlyList<MailFile>? files = null)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 60_000,
        };
        if (smtp.UserName is not null)
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From, "政府信息公开平台", Encoding.UTF8),
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            IsBodyHtml = false,
            HeadersEncoding = Encoding.UTF8,
        };
        foreach (var address in to)
        {
            message.To.Add(address);
        }
        foreach (var f in files ?? [])
        {
            var attachment = new Attachment(new MemoryStream(f.Data), f.FileName, f.ContentType) { NameEncoding = Encoding.UTF8 };
            attachment.ContentDisposition!.FileName = f.FileName;
            message.Attachments.Add(attachment);
        }
        await client.SendMailAsync(message, ct);
    }
}
