namespace Gongkai.Domain.Reports;

/// <summary>
/// The edited text sections: 一、总体情况 (a government's report also covers 工作考核、社会评议和责任追究结果,
/// 条例第五十条第一款第（四）项), 五、存在的主要问题及改进情况, 六、其他需要报告的事项. Null means not written yet.
/// </summary>
public sealed class ReportText
{
    /// <summary>The JSON keys of the text sections, in print order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["一", "五", "六"];

    /// <summary>一、总体情况.</summary>
    public string? Overview { get; set; }

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string? Problems { get; set; }

    /// <summary>六、其他需要报告的事项.</summary>
    public string? Other { get; set; }

    public string? this[string key]
    {
        get => key switch
        {
            "一" => Overview,
            "五" => Problems,
            "六" => Other,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Text sections are 一, 五 and 六."),
        };
        set
        {
            switch (key)
            {
                case "一": Overview = value; break;
                case "五": Problems = value; break;
                case "六": Other = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(key), key, "Text sections are 一, 五 and 六.");
            }
        }
    }
}
