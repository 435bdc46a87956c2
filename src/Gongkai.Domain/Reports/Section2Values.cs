namespace Gongkai.Domain.Reports;

/// <summary>
/// The cells of section 二 for one template: every (table, row, column) of <see cref="ReportTemplate.Section2"/>, null
/// until known. Amounts are in 万元; counts are whole numbers (the checker reports fractions).
/// </summary>
public sealed class Section2Values
{
    private readonly Dictionary<(string Table, string Row, string Column), decimal?> _cells = [];

    public Section2Values(ReportTemplate template)
    {
        Template = template;
        foreach (var table in template.Section2)
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.Columns)
                {
                    _cells[(table.Key, row, column.Label)] = null;
                }
            }
        }
    }

    public ReportTemplate Template { get; }

    /// <summary>A cell by its printed names; an unknown name throws (the template defines the cells, not the caller).</summary>
    public decimal? this[string table, string row, string column]
    {
        get => _cells.TryGetValue((table, row, column), out var value) ? value : throw Unknown(table, row, column);
        set
        {
            if (!_cells.ContainsKey((table, row, column)))
            {
                throw Unknown(table, row, column);
            }
            _cells[(table, row, column)] = value;
        }
    }

    public bool Contains(string table, string row, string column) => _cells.ContainsKey((table, row, column));

    /// <summary>Every cell in template order, with its column definition.</summary>
    public IEnumerable<(Section2Table Table, string Row, Section2Column Column, decimal? Value)> Cells() =>
        from table in Template.Section2
        from row in table.Rows
        from column in table.Columns
        select (table, row, column, _cells[(table.Key, row, column.Label)]);

    private ArgumentException Unknown(string table, string row, string column) =>
        new($"The {Template.Code} template has no section 二 cell {table}/{row}/{column}.");
}
