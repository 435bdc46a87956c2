namespace Gongkai.Documents;

/// <summary>
/// One sheet of a workbook: rows of text, the first <paramref name="HeaderRows"/> of them headers, and optional merged
/// ranges (for report tables whose headers span columns). Rows are enumerated once, while writing, so a long export
/// need not sit in memory twice.
/// </summary>
public sealed record Worksheet(string Name, IEnumerable<IReadOnlyList<string>> Rows, int HeaderRows = 0)
{
    /// <summary>Merged ranges, each given by its top-left cell and spans (zero-based row and column).</summary>
    public IReadOnlyList<MergedRange> Merged { get; init; } = [];

    /// <summary>
    /// Cells written as numbers rather than text (zero-based row and column). Only figures the caller computed go here, never
    /// text typed by a user, so nothing a user typed is ever reinterpreted by Excel.
    /// </summary>
    public IReadOnlyDictionary<(int Row, int Column), decimal> Numbers { get; init; } = new Dictionary<(int, int), decimal>();

    /// <summary>Column widths in characters, first column first; columns beyond the list keep Excel's default.</summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>A sheet of a <see cref="Table"/>: each cell in its grid slot, spans as merged ranges, <see cref="Cell.Number"/> as numbers.</summary>
    public static Worksheet Of(string name, Table table)
    {
        var grid = TableGrid.Of(table);
        var rows = new List<IReadOnlyList<string>>();
        for (var r = 0; r < grid.RowCount; r++)
        {
            var row = new string[grid.ColumnCount];
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                var owner = grid.At(r, c);
                row[c] = owner is not null && owner.Row == r && owner.Column == c ? owner.Cell.Text : "";
            }
            rows.Add(row);
        }
        return new Worksheet(name, rows, table.HeaderRows)
        {
            Merged = [.. grid.Cells.Where(p => p.Cell.ColumnSpan > 1 || p.Cell.RowSpan > 1)
                .Select(p => new MergedRange(p.Row, p.Column, p.Cell.RowSpan, p.Cell.ColumnSpan))],
            Numbers = grid.Cells.Where(p => p.Cell.Number is not null).ToDictionary(p => (p.Row, p.Column), p => p.Cell.Number!.Value),
        };
    }
}

public sealed record MergedRange(int Row, int Column, int RowSpan, int ColumnSpan);
