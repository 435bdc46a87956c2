using System.Globalization;
using Gongkai.Application.Platform;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NodaTime;

namespace Gongkai.Web.Infrastructure.Time;

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

/// <summary>
/// <c>&lt;beijing-time value="@x.At" seconds /&gt;</c> renders <c>&lt;time datetime="2026-01-01T17:00:00Z"&gt;2026-01-02 01:00&lt;/time&gt;</c>:
/// Beijing time for the reader, the exact instant for machines. Nothing for a null value.
/// </summary>
[HtmlTargetElement("beijing-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BeijingTimeTagHelper : TagHelper
{
    public DateTime? Value { get; set; }

    public bool Seconds { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Value is not { } at)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime",
            DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Content.SetContent(BeijingTime.Format(at, Seconds));
    }
}
