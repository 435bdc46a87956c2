namespace Gongkai.Domain.Reports;

/// <summary>
/// One table of section 二, named by the item of 条例第二十条 it reports on (its key is the printed name, e.g.
/// <c>"第二十条第（一）项"</c>), with its rows (信息内容) and data columns in print order.
/// </summary>
public sealed record Section2Table(string Key, IReadOnlyList<string> Rows, IReadOnlyList<Section2Column> Columns)
{
    /// <summary>The printed header of the first column.</summary>
    public const string RowHeader = "信息内容";

    public Section2Column? Column(string label) => Columns.FirstOrDefault(c => c.Label == label);
}
