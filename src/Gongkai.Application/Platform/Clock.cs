using NodaTime;

namespace Gongkai.Application.Platform;

/// <summary>
/// "Now" and "today" for the platform. The statutory calendar runs on Beijing time: a deadline day is a
/// day in Asia/Shanghai, whatever the server's own zone.
/// </summary>
public sealed class PlatformClock(IClock clock)
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public DateTime UtcNow => clock.GetCurrentInstant().ToDateTimeUtc();

    public LocalDate Today => clock.GetCurrentInstant().InZone(Zone).Date;

    public DateOnly TodayDate => Today.ToDateOnly();
}
