namespace Gongkai.Documents;

/// <summary>
/// A table as rows of cells. A merged cell is written once, in the row and column where it starts, with its spans; the rows
/// below leave out the slots it covers (as in HTML). The first <see cref="HeaderRows"/> rows are headers: bold, and repeated
/// on each page in Word and PDF.
/// </summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<Cell>> Rows, int HeaderRows = 0) : Block
{
    /// <summary>A table of plain text with <paramref name="header"/> as its single header row.</summary>
    public static Table Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        new([header.Select(h => new Cell(h)).ToList(), .. rows.Select(r => (IReadOnlyList<Cell>)r.Select(c => new Cell(c)).ToList())], HeaderRows: 1);
}

/// <summary>One cell; <paramref name="ColumnSpan"/> and <paramref name="RowSpan"/> are at least 1.</summary>
public sealed record Cell(string Text, int ColumnSpan = 1, int RowSpan = 1, Alignment Alignment = Alignment.Left);
