namespace Gongkai.Documents;

/// <summary>
/// Where each cell of a <see cref="Table"/> sits on the grid once spans are resolved. The one place that understands spans,
/// so the Word, PDF and Excel writers agree on them.
/// </summary>
internal sealed class TableGrid
{
    /// <summary>A cell placed at its top-left slot.</summary>
    public sealed record Placed(Cell Cell, int Row, int Column);

    private TableGrid(int rowCount, int columnCount, List<Placed> cells, Placed?[,] owners)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        Cells = cells;
        _owners = owners;
    }

    private readonly Placed?[,] _owners;

    public int RowCount { get; }

    public int ColumnCount { get; }

    /// <summary>The cells in reading order (row, then column).</summary>
    public IReadOnlyList<Placed> Cells { get; }

    /// <summary>The cell covering a slot, or null where a short row leaves it empty.</summary>
    public Placed? At(int row, int column) => _owners[row, column];

    public static TableGrid Of(Table table)
    {
        var taken = new List<bool[]>();
        var placed = new List<Placed>();
        bool Taken(int r, int c) => r < taken.Count && c < taken[r].Length && taken[r][c];
        void Take(int r, int c)
        {
            while (taken.Count <= r)
            {
                taken.Add([]);
            }
            if (taken[r].Length <= c)
            {
                var grown = new bool[c + 1];
                taken[r].CopyTo(grown, 0);
                taken[r] = grown;
            }
            taken[r][c] = true;
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in table.Rows[r])
            {
                if (cell.ColumnSpan < 1 || cell.RowSpan < 1)
                {
                    throw new ArgumentException($"Row {r + 1}: a cell spans at least one row and one column.", nameof(table));
                }
                while (Taken(r, c))
                {
                    c++;
                }
                placed.Add(new Placed(cell, r, c));
                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColumnSpan; dc++)
                    {
                        if (Taken(r + dr, c + dc))
                        {
                            throw new ArgumentException($"Row {r + dr + 1}, column {c + dc + 1}: two cells overlap.", nameof(table));
                        }
                        Take(r + dr, c + dc);
                    }
                }
                c += cell.ColumnSpan;
            }
        }
        var rows = Math.Max(table.Rows.Count, taken.Count);
        var columns = taken.Count == 0 ? 0 : taken.Max(t => t.Length);
        var owners = new Placed?[rows, columns];
        foreach (var p in placed)
        {
            for (var dr = 0; dr < p.Cell.RowSpan; dr++)
            {
                for (var dc = 0; dc < p.Cell.ColumnSpan; dc++)
                {
                    owners[p.Row + dr, p.Column + dc] = p;
                }
            }
        }
        return new TableGrid(rows, columns, placed, owners);
    }
}
