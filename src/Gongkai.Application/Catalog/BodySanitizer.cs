using Ganss.Xss;

namespace Gongkai.Application.Catalog;

/// <summary>
/// Cleans item bodies written in the rich-text editor. Harmless formatting the sanitizer drops is dropped
/// silently, but scripts and event handlers are refused with an error: an editor pasting them should know.
/// Form controls are removed: a published page must not carry a look-alike login form.
/// </summary>
/// <remarks>
/// Each call builds its own <see cref="HtmlSanitizer"/> (its events are per instance and not thread-safe), so one
/// agency's long save never waits for another's. Size and nesting are bounded before parsing: the HTML parser's cost
/// grows much faster than linearly with nesting (100 KB of nested &lt;div&gt; took seconds), so a deeply nested body is
/// refused by a linear scan before it reaches the parser.
/// </remarks>
public sealed class BodySanitizer
{
    /// <summary>Longest body accepted, in characters (a long regulation pasted from Word is a few hundred thousand).</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>Deepest nesting of elements accepted; pasted documents stay far below it.</summary>
    public const int MaxDepth = 100;

    private static readonly string[] FormControls = ["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "label", "datalist", "output"];

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        if (html.Length > MaxLength)
        {
            throw new ValidationException("BodyHtml", $"正文过长（{html.Length:N0} 个字符），上限为 {MaxLength:N0} 个字符。请将附件形式的内容作为附件上传。");
        }
        if (HtmlNesting.MaxDepth(html) > MaxDepth)
        {
            throw new ValidationException("BodyHtml", $"正文的标签嵌套超过 {MaxDepth} 层，无法保存。请清除格式后重新粘贴。");
        }
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        foreach (var tag in FormControls)
        {
            sanitizer.AllowedTags.Remove(tag);
        }
        var dangerous = new List<string>();
        sanitizer.RemovingTag += (_, e) =>
        {
            var name = e.Tag.NodeName.ToLowerInvariant();
            if (name is "script" or "iframe" or "object" or "embed" or "style" or "link" or "meta" or "base")
            {
                dangerous.Add($"<{name}>");
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (e.Attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                dangerous.Add(e.Attribute.Name);
            }
            else if (e.Attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                dangerous.Add("javascript:");
            }
        };
        var clean = sanitizer.Sanitize(html);
        if (dangerous.Count > 0)
        {
            throw new ValidationException("BodyHtml", $"正文包含脚本或事件处理代码（{string.Join("、", dangerous.Distinct())}），不能保存。请删除后重试。");
        }
        return clean;
    }
}

/// <summary>
/// A linear scan of raw HTML for how deeply its elements nest, without building a tree. Void elements and those whose
/// end tag may be omitted (&lt;p&gt;, &lt;li&gt;, &lt;td&gt;…) are not counted, so sloppy but ordinary markup is not
/// mistaken for deep nesting; comments are skipped.
/// </summary>
public static class HtmlNesting
{
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        // End tag may be omitted.
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "option", "optgroup", "rt", "rp",
    };

    public static int MaxDepth(string html)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }
                i = end + 3;
                continue;
            }
            var closing = html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var j = start;
            while (j < html.Length && char.IsAsciiLetterOrDigit(html[j]))
            {
                j++;
            }
            if (j == start || !char.IsAsciiLetter(html[start]))
            {
                i = start;
                continue;
            }
            var name = html.AsSpan(start, j - start);
            var tagEnd = html.IndexOf('>', j);
            var selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            if (!NotCounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) && !selfClosing)
            {
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (++depth > max)
                {
                    max = depth;
                }
            }
            i = tagEnd < 0 ? html.Length : tagEnd + 1;
        }
        return max;
    }
}
