namespace Gongkai.Domain.Reports;

/// <summary>
/// The 15 numeric columns of section 四 (one data row): 行政复议, then 行政诉讼 split into 未经复议直接起诉 and
/// 复议后起诉, each with 结果维持 结果纠正 其他结果 尚未审结 总计 (条例第五十条第一款第（三）项).
/// </summary>
public static class ReviewLitigationColumns
{
    public const int Count = 15;

    public const string Review = "行政复议";

    public const string Litigation = "行政诉讼";

    /// <summary>The three blocks of five columns, in print order.</summary>
    public static IReadOnlyList<string> Blocks { get; } = [Review, "未经复议直接起诉", "复议后起诉"];

    /// <summary>The five columns of every block; the fifth is the block's 总计.</summary>
    public static IReadOnlyList<string> Results { get; } = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    /// <summary>Index of a block's first column in the 15-number row.</summary>
    public static int BlockStart(int block) => block * Results.Count;

    /// <summary>Index of a block's 总计 column.</summary>
    public static int BlockTotal(int block) => BlockStart(block) + Results.Count - 1;

    /// <summary>The cell path used by findings: 四, the block, the result column.</summary>
    public static IReadOnlyList<string> Cell(int index) => ["四", Blocks[index / Results.Count], Results[index % Results.Count]];
}
