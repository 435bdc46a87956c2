namespace Gongkai.Domain.Reports;

/// <summary>The section 二 tables of both formats (条例第二十条 (一)(五)(六)(八)(九)), labels as printed.</summary>
internal static class Section2Tables
{
    public const string Item1 = "第二十条第（一）项";
    public const string Item5 = "第二十条第（五）项";
    public const string Item6 = "第二十条第（六）项";
    public const string Item8 = "第二十条第（八）项";
    public const string Item9 = "第二十条第（九）项";

    private static readonly Section2Column PreviousCount = new("上一年项目数量", Section2ValueKind.Count);
    private static readonly Section2Column Change = new("本年增/减", Section2ValueKind.SignedCount);
    private static readonly Section2Column Decisions2019 = new("处理决定数量", Section2ValueKind.Count);
    private static readonly Section2Column Decisions2021 = new("本年处理决定数量", Section2ValueKind.Count);

    public static IReadOnlyList<Section2Table> Format2019 { get; } =
    [
        new(Item1, ["规章", "规范性文件"],
            [new("本年新制作数量", Section2ValueKind.Count), new("本年新公开数量", Section2ValueKind.Count), new("对外公开总数量", Section2ValueKind.Count)]),
        new(Item5, ["行政许可", "其他对外管理服务事项"], [PreviousCount, Change, Decisions2019]),
        new(Item6, ["行政处罚", "行政强制"], [PreviousCount, Change, Decisions2019]),
        new(Item8, ["行政事业性收费"], [PreviousCount, Change]),
        new(Item9, ["政府集中采购"], [new("采购项目数量", Section2ValueKind.Count), new("采购总金额", Section2ValueKind.AmountWanYuan)]),
    ];

    // 30号 removed the （九） table, the 其他对外管理服务事项 row and every 上一年项目数量 / 本年增/减 column.
    public static IReadOnlyList<Section2Table> Format2021 { get; } =
    [
        new(Item1, ["规章", "行政规范性文件"],
            [new("本年制发件数", Section2ValueKind.Count), new("本年废止件数", Section2ValueKind.Count), new("现行有效件数", Section2ValueKind.Count)]),
        new(Item5, ["行政许可"], [Decisions2021]),
        new(Item6, ["行政处罚", "行政强制"], [Decisions2021]),
        new(Item8, ["行政事业性收费"], [new("本年收费金额（单位：万元）", Section2ValueKind.AmountWanYuan)]),
    ];
}
