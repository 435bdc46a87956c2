namespace Gongkai.Domain.Catalog;

/// <summary>公开属性: decided for every item before review (条例第十九条至第二十一条, 第十四至十六条).</summary>
public enum DisclosureMode
{
    Undecided = 0,
    /// <summary>主动公开</summary>
    Proactive = 1,
    /// <summary>依申请公开</summary>
    OnRequest = 2,
    /// <summary>不予公开 — requires a <see cref="WithholdingReason"/>.</summary>
    Withheld = 3,
}
