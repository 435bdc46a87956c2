using Gongkai.Documents;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports.Outputs;

/// <summary>
/// The report's tables laid out as the national templates print them (国办公开办函〔2019〕60号, 〔2021〕30号; the
/// 统计表 of 国办发〔2014〕32号): merged header cells, full canonical labels, the 勾稽关系 note in the corner cell of
/// table 三. One layout for Word, PDF, Excel and HTML, so every output has the same rows, columns and spans.
/// </summary>
public static class ReportTables
{
    /// <summary>Section 二: one table of four columns; each 第二十条 item is a title row, a header row and its rows.</summary>
    public static Table Section2(AnnualReport report)
    {
        var width = 1 + report.Template.Section2.Max(t => t.Columns.Count);
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var table in report.Template.Section2)
        {
            rows.Add([new Cell(table.Key, ColumnSpan: width, Alignment: Alignment.Center)]);
            rows.Add([new Cell(Section2Table.RowHeader, Alignment: Alignment.Center),
                .. Spread(table.Columns.Select(c => new Cell(c.Label, Alignment: Alignment.Center)).ToList(), width - 1)]);
            foreach (var row in table.Rows)
            {
                rows.Add([new Cell(row, Alignment: Alignment.Center),
                    .. Spread(table.Columns.Select(c => ReportFigures.Cell(report.Section2[table.Key, row, c.Label], c.Kind)).ToList(), width - 1)]);
            }
        }
        return new Table(rows) { ColumnWidths = [2, .. Enumerable.Repeat(1.5, width - 1)] };
    }

    /// <summary>
    /// Section 三: three header rows (申请人情况 over 自然人 | 法人或其他组织 and its five kinds | 总计) under a corner cell
    /// holding the 勾稽关系 note; three label columns, with 三、本年度办理结果 and the （三）（四）（五）（六） groups merged down
    /// their rows.
    /// </summary>
    public static Table Applications(AnnualReport report)
    {
        const int labelColumns = 3;
        var rows = new List<IReadOnlyList<Cell>>
        {
            new List<Cell>
            {
                new(ApplicantColumns.Caption, ColumnSpan: labelColumns, RowSpan: 3, Alignment: Alignment.Center),
                new(ApplicantColumns.Header, ColumnSpan: ApplicantColumns.Count),
            },
            new List<Cell>
            {
                new(ApplicantColumns.Labels[0], RowSpan: 2),
                new(ApplicantColumns.OrganisationsHeader, ColumnSpan: ApplicantColumns.Count - 2),
                new(ApplicantColumns.Labels[ApplicantColumns.Total], RowSpan: 2),
            },
            ApplicantColumns.Labels.Where((_, i) => ApplicantColumns.IsOrganisation(i)).Select(l => new Cell(l)).ToList(),
        };
        var templateRows = report.Template.ApplicationRows;
        var outcomeRows = templateRows.Count(r => r.Kind is ApplicationRowKind.Outcome or ApplicationRowKind.OutcomeTotal);
        var firstOutcome = true;
        string? group = null;
        foreach (var row in templateRows)
        {
            var cells = new List<Cell>();
            if (row.Kind is ApplicationRowKind.Outcome or ApplicationRowKind.OutcomeTotal)
            {
                if (firstOutcome)
                {
                    cells.Add(new Cell(ApplicationRows.OutcomesHeader, RowSpan: outcomeRows, Alignment: Alignment.Center));
                    firstOutcome = false;
                }
                if (row.Group is null)
                {
                    cells.Add(new Cell(row.Label, ColumnSpan: 2));
                }
                else
                {
                    if (row.Group != group)
                    {
                        cells.Add(new Cell(row.Group, RowSpan: templateRows.Count(r => r.Group == row.Group), Alignment: Alignment.Center));
                    }
                    cells.Add(new Cell(row.Label));
                }
            }
            else
            {
                cells.Add(new Cell(row.Label, ColumnSpan: labelColumns));
            }
            group = row.Group;
            cells.AddRange(report.Applications[row.Key].Select(ReportFigures.Cell));
            rows.Add(cells);
        }
        return new Table(rows, HeaderRows: 3) { ColumnWidths = [1.6, 1.8, 3.2, .. Enumerable.Repeat(1.0, ApplicantColumns.Count)] };
    }

    /// <summary>Section 四: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉), each with its five result columns, and one row of figures.</summary>
    public static Table ReviewLitigation(AnnualReport report)
    {
        var results = ReviewLitigationColumns.Results;
        var rows = new List<IReadOnlyList<Cell>>
        {
            new List<Cell>
            {
                new(ReviewLitigationColumns.Review, ColumnSpan: results.Count),
                new(ReviewLitigationColumns.Litigation, ColumnSpan: 2 * results.Count),
            },
            (List<Cell>)
            [
                .. results.Select(r => new Cell(r, RowSpan: 2)),
                .. ReviewLitigationColumns.Blocks.Skip(1).Select(b => new Cell(b, ColumnSpan: results.Count)),
            ],
            Enumerable.Repeat(results, 2).SelectMany(r => r).Select(r => new Cell(r)).ToList(),
            report.ReviewLitigation.Select(ReportFigures.Cell).ToList(),
        };
        return new Table(rows, HeaderRows: 3);
    }

    /// <summary>The pre-2019 统计表 (统计指标 | 单位 | 统计数), for display of old reports.</summary>
    public static Table Statistics2008(AnnualReport report)
    {
        var rows = new List<IReadOnlyList<Cell>> { new List<Cell> { new("统计指标"), new("单位"), new("统计数") } };
        foreach (var row in report.Template.StatisticsRows)
        {
            rows.Add(row.IsHeader
                ? [new Cell(row.Label), new Cell("—", Alignment: Alignment.Center), new Cell("—", Alignment: Alignment.Center)]
                : [new Cell(row.Label), new Cell(row.Unit, Alignment: Alignment.Center),
                    ReportFigures.Cell(report.Statistics2008[row.Key], row.Unit == "万元" ? Section2ValueKind.AmountWanYuan : Section2ValueKind.Count)]);
        }
        return new Table(rows, HeaderRows: 1) { ColumnWidths = [6, 1, 1.5] };
    }

    /// <summary>
    /// Data cells of a section 二 table spread over the table's columns: a table with fewer data columns than the widest
    /// lets its last cell span the rest, as the templates print （五）（六）（八） under the four-column （一）.
    /// </summary>
    private static IEnumerable<Cell> Spread(List<Cell> cells, int columns)
    {
        var rest = columns - cells.Count;
        return rest == 0 ? cells : [.. cells.Take(cells.Count - 1), cells[^1] with { ColumnSpan = rest + 1 }];
    }
}
