using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Catalog;

/// <summary>
/// The 索引号 format of a platform (条例第十二条: the 目录 carries an 索引 per item). Shapes vary between platforms
/// (<c>000014349/2018-00222</c>, <c>j602402--2023-0165</c>), so the format is configuration.
/// </summary>
/// <remarks>
/// Placeholders: <c>{agency}</c> the agency code, <c>{year}</c> four-digit year, <c>{serial}</c> or <c>{serial:N}</c>
/// the per-agency per-year serial zero-padded to N digits (default 5). Default <c>{agency}/{year}-{serial:5}</c>.
/// </remarks>
public sealed class IndexNumberFormat
{
    public const string Default = "{agency}/{year}-{serial:5}";

    private readonly List<(string? Literal, string? Placeholder, int Width)> _parts = [];

    public IndexNumberFormat(string pattern)
    {
        Pattern = pattern;
        var i = 0;
        var sawSerial = false;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                _parts.Add((pattern[i..], null, 0));
                break;
            }
            if (open > i)
            {
                _parts.Add((pattern[i..open], null, 0));
            }
            var close = pattern.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"索引号格式“{pattern}”中的占位符没有闭合。");
            }
            var token = pattern[(open + 1)..close];
            var name = token;
            var width = 0;
            var colon = token.IndexOf(':');
            if (colon >= 0)
            {
                name = token[..colon];
                if (!int.TryParse(token[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out width) || width is < 1 or > 12)
                {
                    throw new FormatException($"索引号格式“{pattern}”中的位数“{token}”无效。");
                }
            }
            if (name is not ("agency" or "year" or "serial"))
            {
                throw new FormatException($"索引号格式“{pattern}”中有未知占位符“{{{token}}}”，可用：{{agency}} {{year}} {{serial:N}}。");
            }
            if (name == "serial")
            {
                sawSerial = true;
                width = width == 0 ? 5 : width;
            }
            _parts.Add((null, name, width));
            i = close + 1;
        }
        if (!sawSerial)
        {
            throw new FormatException($"索引号格式“{pattern}”必须包含流水号 {{serial}}，否则无法保证唯一。");
        }
    }

    public string Pattern { get; }

    public string Format(string agencyCode, int year, int serial)
    {
        var sb = new StringBuilder();
        foreach (var (literal, placeholder, width) in _parts)
        {
            sb.Append(placeholder switch
            {
                null => literal,
                "agency" => agencyCode,
                "year" => year.ToString("D4", CultureInfo.InvariantCulture),
                _ => serial.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }
}
