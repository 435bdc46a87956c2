namespace Gongkai.Documents;

/// <summary>
/// A table as rows of cells. A merged cell is written once, in the row and column where it starts, with its spans; the rows
/// below leave out the slots it covers (as in HTML). The first <see cref="HeaderRows"/> rows are headers: bold, and repeated
/// on each page in Word and PDF.
/// </summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<Cell>> Rows, int HeaderRows = 0) : Block
{
    /// <summary>
    /// Relative column widths, first grid column first (e.g. 3, 1, 1: the first column three times as wide). Empty: equal
    /// columns. Long row labels next to narrow figure columns (the annual report's tables) need them.
    /// </summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>The share of the table's width each of <paramref name="columns"/> grid columns takes; they add up to 1.</summary>
    internal double[] Shares(int columns)
    {
        var weights = Enumerable.Range(0, columns).Select(c => c < ColumnWidths.Count && ColumnWidths[c] > 0 ? ColumnWidths[c] : 1).ToArray();
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    /// <summary>A table of plain text with <paramref name="header"/> as its single header row.</summary>
    public static Table Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        new([header.Select(h => new Cell(h)).ToList(), .. rows.Select(r => (IReadOnlyList<Cell>)r.Select(c => new Cell(c)).ToList())], HeaderRows: 1);
}

/// <summary>One cell; <paramref name="ColumnSpan"/> and <paramref name="RowSpan"/> are at least 1.</summary>
public sealed record Cell(string Text, int ColumnSpan = 1, int RowSpan = 1, Alignment Alignment = Alignment.Left)
{
    /// <summary>
    /// The cell's value as a number, when the caller has one (a statistic, never text typed by a user): the Excel writer stores
    /// it as a number so that sums and comparisons work; Word and PDF print <see cref="Text"/>.
    /// </summary>
    public decimal? Number { get; init; }

    /// <summary>A right-aligned figure: <paramref name="text"/> as printed, <paramref name="number"/> as stored; null is an empty cell.</summary>
    public static Cell Figure(decimal? number, string text) => new(number is null ? "" : text, Alignment: Alignment.Right) { Number = number };
}
