using System.Globalization;
using NodaTime;

namespace Gongkai.Application.Platform;

/// <summary>
/// Every instant the platform shows, to staff and to the public, is Beijing time (Asia/Shanghai, the zone of the
/// statutory calendar): the database keeps UTC, and a clerk reading "17:00" for a step taken at one in the morning would
/// misread the day. One place converts, so no page prints UTC by accident.
/// </summary>
public static class BeijingTime
{
    /// <summary>The Beijing wall-clock time of <paramref name="utc"/>. A value of unspecified kind (as SQLite returns it) is UTC.</summary>
    public static LocalDateTime Of(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(PlatformClock.Zone).LocalDateTime;

    /// <summary>"2026-01-02 01:00" for 2026-01-01T17:00Z.</summary>
    public static string Format(DateTime utc, bool seconds = false) =>
        Of(utc).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc, bool seconds = false) => utc is { } at ? Format(at, seconds) : "";

    /// <summary>The Beijing date of <paramref name="utc"/>: "yyyy-MM-dd".</summary>
    public static string Date(DateTime utc) => Of(utc).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
