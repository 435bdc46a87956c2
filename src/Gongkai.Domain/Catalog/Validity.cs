namespace Gongkai.Domain.Catalog;

/// <summary>有效性 of a 规章 or 规范性文件; feeds the annual report table 第二十条第（一）项.</summary>
public enum Validity
{
    NotApplicable = 0,
    /// <summary>有效</summary>
    Valid = 1,
    /// <summary>失效 — lapsed (e.g. its period of validity ended).</summary>
    Lapsed = 2,
    /// <summary>废止 — repealed, possibly replaced by another document.</summary>
    Repealed = 3,
}

/// <summary>What kind of document an item is.</summary>
public enum DocumentKind
{
    /// <summary>一般信息</summary>
    General = 0,
    /// <summary>规章</summary>
    Regulation = 1,
    /// <summary>规范性文件（行政规范性文件）</summary>
    NormativeDocument = 2,
    /// <summary>政策解读</summary>
    PolicyInterpretation = 3,
}

/// <summary>Forms of a 政策解读.</summary>
public enum InterpretationForm
{
    None = 0,
    /// <summary>文字解读</summary>
    Text = 1,
    /// <summary>图解</summary>
    Graphic = 2,
    /// <summary>视频解读</summary>
    Video = 3,
    /// <summary>专家解读</summary>
    Expert = 4,
    /// <summary>领导解读</summary>
    Leader = 5,
    /// <summary>媒体解读</summary>
    Media = 6,
}

public static class CatalogLabels
{
    public static string Label(this Validity v) => v switch
    {
        Validity.Valid => "有效",
        Validity.Lapsed => "失效",
        Validity.Repealed => "废止",
        _ => "",
    };

    public static string Label(this DocumentKind k) => k switch
    {
        DocumentKind.Regulation => "规章",
        DocumentKind.NormativeDocument => "规范性文件",
        DocumentKind.PolicyInterpretation => "政策解读",
        _ => "一般信息",
    };

    public static string Label(this InterpretationForm f) => f switch
    {
        InterpretationForm.Text => "文字解读",
        InterpretationForm.Graphic => "图解",
        InterpretationForm.Video => "视频解读",
        InterpretationForm.Expert => "专家解读",
        InterpretationForm.Leader => "领导解读",
        InterpretationForm.Media => "媒体解读",
        _ => "",
    };

    public static string Label(this DisclosureMode m) => m switch
    {
        DisclosureMode.Proactive => "主动公开",
        DisclosureMode.OnRequest => "依申请公开",
        DisclosureMode.Withheld => "不予公开",
        _ => "未确定",
    };

    /// <summary>规章 and 规范性文件 carry an 有效性; other items do not.</summary>
    public static bool HasValidity(this DocumentKind k) => k is DocumentKind.Regulation or DocumentKind.NormativeDocument;
}
