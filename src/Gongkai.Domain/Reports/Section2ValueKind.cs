namespace Gongkai.Domain.Reports;

/// <summary>What a section 二 column holds.</summary>
public enum Section2ValueKind
{
    /// <summary>A whole number ≥ 0 (件, 项, 个).</summary>
    Count = 1,
    /// <summary>A whole number with a sign, the 2019 format's 本年增/减 (printed "-62", "+72").</summary>
    SignedCount,
    /// <summary>An amount ≥ 0 in 万元, decimals allowed (采购总金额, 本年收费金额).</summary>
    AmountWanYuan,
}
