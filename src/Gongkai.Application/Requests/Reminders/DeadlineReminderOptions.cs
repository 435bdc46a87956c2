using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace Gongkai.Application.Requests.Reminders;

/// <summary>The SMTP server reminders go through (<c>Smtp:*</c>). Without a host and a sender nothing is sent.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? UserName, string? Password, bool EnableSsl);

/// <summary>
/// Settings of the e-mail deadline reminders: <c>Smtp:Host</c>, <c>Smtp:Port</c> (25), <c>Smtp:From</c>, optional
/// <c>Smtp:UserName</c>/<c>Smtp:Password</c>/<c>Smtp:EnableSsl</c>; <c>Site:BaseUrl</c> for the links to the case pages;
/// <c>Reminders:SendAfter</c> (Beijing time, default 08:30) and <c>Reminders:CheckIntervalMinutes</c> (default 10).
/// </summary>
public sealed class DeadlineReminderOptions
{
    public SmtpSettings? Smtp { get; init; }

    /// <summary>Where the back office is reached from outside, e.g. <c>https://gk.example.gov.cn</c>; null: links are relative.</summary>
    public Uri? SiteBaseUrl { get; init; }

    /// <summary>Reminders go out on a working day once this local time (Asia/Shanghai) has passed.</summary>
    public LocalTime SendAfter { get; init; } = new(8, 30);

    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromMinutes(10);

    public bool Enabled => Smtp is not null;

    public static DeadlineReminderOptions FromConfiguration(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Smtp");
        var host = smtp["Host"];
        var from = smtp["From"];
        SmtpSettings? settings = null;
        if (!string.IsNullOrWhiteSpace(host) && !string.IsNullOrWhiteSpace(from))
        {
            settings = new SmtpSettings(host.Trim(), smtp.GetValue<int?>("Port") ?? 25, from.Trim(),
                string.IsNullOrWhiteSpace(smtp["UserName"]) ? null : smtp["UserName"], smtp["Password"], smtp.GetValue<bool?>("EnableSsl") ?? false);
        }
        var baseUrl = configuration["Site:BaseUrl"];
        var sendAfter = configuration["Reminders:SendAfter"];
        var parsed = string.IsNullOrWhiteSpace(sendAfter) ? null : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(sendAfter.Trim());
        if (parsed is { Success: false })
        {
            throw new InvalidOperationException($"Reminders:SendAfter 应为 HH:mm（北京时间），例如 08:30；当前为“{sendAfter}”。");
        }
        return new DeadlineReminderOptions
        {
            Smtp = settings,
            SiteBaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : new Uri(baseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute),
            SendAfter = parsed?.Value ?? new LocalTime(8, 30),
            CheckInterval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue<int?>("Reminders:CheckIntervalMinutes") ?? 10)),
        };
    }
}
