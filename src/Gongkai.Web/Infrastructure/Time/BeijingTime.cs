using System.Globalization;
using Gongkai.Application.Platform;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Gongkai.Web.Infrastructure.Time;

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
