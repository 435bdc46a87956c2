using System.Text.RegularExpressions;

namespace Gongkai.Cli;

/// <summary>
/// Chinese for what System.CommandLine writes itself (parse errors, help headings). Its zh-Hans resources are partial
/// (some messages stay English, others end in "。." or quote as “'x'”), so each known message is rewritten here; the
/// patterns match System.CommandLine 2.0.0's texts, and the CLI tests fail if an upgrade changes them.
/// </summary>
internal static partial class CliMessages
{
    private static readonly (Regex Pattern, Func<Match, string> Chinese)[] ParseErrors =
    [
        (Rx(@"^Option '(?<o>[^']+)' is required\.$"), m => $"缺少必填选项 {m.Groups["o"].Value}。"),
        (Rx(@"^Cannot parse argument '(?<v>.*)' for option '(?<o>[^']+)' as expected type '(?<t>[^']+)'\.(?: Did you mean one of the following\?(?<c>.*))?$"),
            m => $"选项 {m.Groups["o"].Value} 的值“{m.Groups["v"].Value}”无效{Expected(m)}"),
        (Rx(@"^Cannot parse argument '(?<v>.*)' for command '(?<n>[^']+)' as expected type '(?<t>[^']+)'\.(?: Did you mean one of the following\?(?<c>.*))?$"),
            m => $"参数“{m.Groups["v"].Value}”无效{Expected(m)}"),
        (Rx(@"^Cannot parse argument '(?<v>.*)' as expected type '(?<t>[^']+)'\.$"), m => $"参数“{m.Groups["v"].Value}”无效{Expected(m)}"),
        (Rx(@"^Option '(?<o>[^']+)' expects a single argument but (?<n>\d+) were provided\.$"), m => $"选项 {m.Groups["o"].Value} 只能给一个值，实际给了 {m.Groups["n"].Value} 个。"),
        (Rx(@"^'(?<v>.*)' was not matched\. Did you mean one of the following\?(?<c>.*)$"), m => $"无法识别“{m.Groups["v"].Value}”。可能是：{Choices(m)}。"),
        (Rx(@"^命令缺少所需参数: '(?<n>[^']+)'\.$"), m => $"命令 {m.Groups["n"].Value} 缺少必需的参数。"),
        (Rx(@"^选项缺少所需参数: '(?<o>[^']+)'\.$"), m => $"选项 {m.Groups["o"].Value} 缺少值。"),
        (Rx(@"^未提供必需的命令。\.?$"), _ => "缺少子命令。"),
        (Rx(@"^未识别命令或参数“'(?<v>.*)'”\.?$"), m => $"无法识别的命令或参数“{m.Groups["v"].Value}”。"),
        (Rx(@"^未识别参数“'(?<v>.*)'”。必须为一个: (?<c>.*)$"), m => $"无法识别的值“{m.Groups["v"].Value}”，可选：{m.Groups["c"].Value.Trim().TrimEnd('.')}。"),
    ];

    /// <summary>A parse error in Chinese, on one line.</summary>
    public static string ParseError(string message)
    {
        var text = message.Trim();
        foreach (var (pattern, chinese) in ParseErrors)
        {
            var m = pattern.Match(text);
            if (m.Success)
            {
                return chinese(m);
            }
        }
        // Unknown text (a newer System.CommandLine): at least no doubled punctuation or stray quotes, on one line.
        return string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Replace("“'", "“", StringComparison.Ordinal).Replace("'”", "”", StringComparison.Ordinal).Replace("。.", "。", StringComparison.Ordinal);
    }

    /// <summary>Help output with the headings and labels System.CommandLine leaves in English.</summary>
    public static string Help(string text) => DefaultLabel().Replace(text, "[默认：${v}]")
        .Replace("Description:", "说明：", StringComparison.Ordinal)
        .Replace("(REQUIRED)", "（必填）", StringComparison.Ordinal)
        .Replace("用法:", "用法：", StringComparison.Ordinal)
        .Replace("选项:", "选项：", StringComparison.Ordinal)
        .Replace("命令:", "命令：", StringComparison.Ordinal)
        .Replace("参数:", "参数：", StringComparison.Ordinal)
        .Replace("[options]", "[选项]", StringComparison.Ordinal)
        .Replace("[command]", "[命令]", StringComparison.Ordinal);

    private static string Expected(Match m)
    {
        if (m.Groups["c"] is { Success: true, Value.Length: > 0 })
        {
            return $"，可选：{Choices(m)}。";
        }
        return m.Groups["t"].Value switch
        {
            "System.Int32" or "System.Int64" => "，应为整数。",
            "System.Boolean" => "，应为 true 或 false。",
            _ => "。",
        };
    }

    private static string Choices(Match m) =>
        string.Join("、", m.Groups["c"].Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\[default: (?<v>[^\]]*)\]")]
    private static partial Regex DefaultLabel();
}
