using Ganss.Xss;

namespace Gongkai.Application.Catalog;

/// <summary>
/// Cleans item bodies written in the rich-text editor. Harmless formatting the sanitizer drops is dropped
/// silently, but scripts and event handlers are refused with an error: an editor pasting them should know.
/// </summary>
public sealed class BodySanitizer
{
    private readonly HtmlSanitizer _sanitizer = new();

    public BodySanitizer()
    {
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedAttributes.Add("class");
    }

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        var dangerous = new List<string>();
        void OnTag(object? s, RemovingTagEventArgs e)
        {
            var name = e.Tag.NodeName.ToLowerInvariant();
            if (name is "script" or "iframe" or "object" or "embed" or "form" or "style" or "link" or "meta" or "base")
            {
                dangerous.Add($"<{name}>");
            }
        }
        void OnAttribute(object? s, RemovingAttributeEventArgs e)
        {
            if (e.Attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                dangerous.Add(e.Attribute.Name);
            }
            else if (e.Attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                dangerous.Add("javascript:");
            }
        }
        // HtmlSanitizer is not thread-safe while its events are attached: serialise.
        lock (_sanitizer)
        {
            _sanitizer.RemovingTag += OnTag;
            _sanitizer.RemovingAttribute += OnAttribute;
            try
            {
                var clean = _sanitizer.Sanitize(html);
                if (dangerous.Count > 0)
                {
                    throw new ValidationException("BodyHtml", $"正文包含脚本或事件处理代码（{string.Join("、", dangerous.Distinct())}），不能保存。请删除后重试。");
                }
                return clean;
            }
            finally
            {
                _sanitizer.RemovingTag -= OnTag;
                _sanitizer.RemovingAttribute -= OnAttribute;
            }
        }
    }
}
