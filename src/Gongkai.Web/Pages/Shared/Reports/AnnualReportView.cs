using System.Text.Json;
using Gongkai.Application.Reports.Outputs;
using Gongkai.Documents;
using Gongkai.Domain.Reports;

namespace Gongkai.Web.Pages.Shared.Reports;

/// <summary>
/// What <c>_AnnualReport.cshtml</c> shows: the title, the six sections (text as paragraphs, tables as real HTML tables with
/// the same spans as the Word file) and the chart data. Built by <see cref="For"/> from the report alone; the page that
/// shows a published report passes the earlier years' intake for the trend chart.
/// </summary>
public sealed record AnnualReportView(string Id, string Title, string Notice, IReadOnlyList<ReportSectionView> Sections, ReportChartData Charts)
{
    private static readonly JsonSerializerOptions ChartJsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The chart data as JSON for a <c>&lt;script type="application/json"&gt;</c> block. The default encoder escapes
    /// &lt;, &gt; and &amp;, so no text in it can close the script element.
    /// </summary>
    public string ChartJson => JsonSerializer.Serialize(Charts, ChartJsonOptions);

    /// <param name="report">The report to show.</param>
    /// <param name="trend">Applications received (一、本年新收, 总计) in earlier years, oldest first; this report's year is added.</param>
    public static AnnualReportView For(AnnualReport report, IEnumerable<ReportTrendPoint>? trend = null)
    {
        var id = $"annual-report-{report.Year}";
        if (!report.Template.HasApplicationTables)
        {
            return new(id, ReportDocument.Title(report), report.Template.Notice,
            [
                new(null, Paragraphs(report.Text.Overview), []),
                new(report.Template.Sections[0], [], [Statistics2008(report)]),
                new(null, [.. Paragraphs(report.Text.Problems), .. Paragraphs(report.Text.Other)], []),
            ], new ReportChartData([], []));
        }
        var sections = report.Template.Sections;
        return new(id, ReportDocument.Title(report), report.Template.Notice,
        [
            new(sections[0], Paragraphs(report.Text.Overview), []),
            new(sections[1], [], [.. report.Template.Section2.Select(t => Section2(report, t))]),
            new(sections[2], [], [FromTable(ReportTables.Applications(report), sections[2], noteInCorner: true)]),
            new(sections[3], [], [FromTable(ReportTables.ReviewLitigation(report), sections[3], noteInCorner: false)]),
            new(sections[4], Paragraphs(report.Text.Problems), []),
            new(sections[5], Paragraphs(report.Text.Other), []),
        ], new ReportChartData(Outcomes(report), Trend(report, trend)));
    }

    private static IReadOnlyList<string> Paragraphs(string? text) => [.. ReportDocument.Text(text).OfType<Paragraph>().Select(p => p.Text)];

    /// <summary>
    /// A layout table as HTML: its header rows become <c>thead</c> (<c>th scope="col"</c>, <c>colgroup</c> when spanning), body
    /// labels <c>th scope="row"</c>, figures <c>td</c>. Section 三's corner cell holds the 勾稽关系 note, not a header.
    /// </summary>
    internal static ReportTableView FromTable(Table table, string caption, bool noteInCorner)
    {
        var head = table.Rows.Take(table.HeaderRows).Select((row, r) => new ReportRowView([.. row.Select((cell, c) =>
            noteInCorner && r == 0 && c == 0 ? Data(cell) with { IsNote = true } : ColumnHeader(cell))])).ToList();
        var body = table.Rows.Skip(table.HeaderRows).Select(row => new ReportRowView([.. row.Select(cell =>
            cell.Alignment == Alignment.Right ? Data(cell) : new ReportCellView(cell.Text, "th", "row", cell.ColumnSpan, cell.RowSpan))])).ToList();
        return new ReportTableView(caption, head, body);
    }

    private static ReportCellView ColumnHeader(Cell cell) =>
        new(cell.Text, "th", cell.ColumnSpan > 1 ? "colgroup" : "col", cell.ColumnSpan, cell.RowSpan);

    private static ReportCellView Data(Cell cell) => new(cell.Text, "td", null, cell.ColumnSpan, cell.RowSpan) { IsFigure = cell.Alignment == Alignment.Right };

    /// <summary>One HTML table per 第二十条 item, captioned with the item, as readers look them up.</summary>
    private static ReportTableView Section2(AnnualReport report, Section2Table table) => new(table.Key,
        [new ReportRowView([ColumnHeader(new Cell(Section2Table.RowHeader)), .. table.Columns.Select(c => ColumnHeader(new Cell(c.Label)))])],
        [.. table.Rows.Select(row => new ReportRowView(
            [new ReportCellView(row, "th", "row", 1, 1), .. table.Columns.Select(c => Data(ReportFigures.Cell(report.Section2[table.Key, row, c.Label], c.Kind)))]))]);

    private static ReportTableView Statistics2008(AnnualReport report) => new(report.Template.Sections[0],
        [new ReportRowView([ColumnHeader(new Cell("统计指标")), ColumnHeader(new Cell("单位")), ColumnHeader(new Cell("统计数"))])],
        [.. report.Template.StatisticsRows.Select(row => new ReportRowView(row.IsHeader
            ? [new ReportCellView(row.Label, "th", "row", 1, 1), new ReportCellView("—", "td", null, 1, 1), new ReportCellView("—", "td", null, 1, 1)]
            : [new ReportCellView(row.Label, "th", "row", 1, 1), new ReportCellView(row.Unit, "td", null, 1, 1),
                Data(ReportFigures.Cell(report.Statistics2008[row.Key], row.Unit == "万元" ? Section2ValueKind.AmountWanYuan : Section2ValueKind.Count))]))]);

    /// <summary>
    /// The outcome mix: （一）–（六） of 三、本年度办理结果, each the sum of its rows' 总计. A kind with an unknown cell is left
    /// out rather than drawn too small.
    /// </summary>
    private static IReadOnlyList<ReportChartSlice> Outcomes(AnnualReport report) =>
    [
        .. report.Template.ApplicationRows
            .Where(r => r.Kind == ApplicationRowKind.Outcome)
            .GroupBy(r => r.Group ?? r.Label)
            .Select(g => (Name: ShortLabel(g.Key), Totals: g.Select(r => report.Applications[r.Key][ApplicantColumns.Total]).ToList()))
            .Where(g => g.Totals.All(t => t is not null))
            .Select(g => new ReportChartSlice(g.Name, g.Totals.Sum(t => t!.Value))),
    ];

    private static IReadOnlyList<ReportTrendPoint> Trend(AnnualReport report, IEnumerable<ReportTrendPoint>? earlier) =>
    [
        .. (earlier ?? []).Where(p => p.Year < report.Year && p.Received is not null),
        .. report.Applications["一"][ApplicantColumns.Total] is { } received ? [new ReportTrendPoint(report.Year, received)] : Array.Empty<ReportTrendPoint>(),
    ];

    /// <summary>"（二）部分公开（区分处理的，…）" → "（二）部分公开": the chart legend keeps the printed kind, not its note.</summary>
    private static string ShortLabel(string label)
    {
        var note = label.IndexOf('（', 1);
        return note > 0 ? label[..note] : label;
    }
}

/// <summary>A heading (none for the untitled parts of a pre-2019 report), its paragraphs and tables.</summary>
public sealed record ReportSectionView(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTableView> Tables);

public sealed record ReportTableView(string Caption, IReadOnlyList<ReportRowView> Head, IReadOnlyList<ReportRowView> Body);

public sealed record ReportRowView(IReadOnlyList<ReportCellView> Cells);

/// <summary>A cell: <paramref name="Element"/> is "th" or "td"; <paramref name="Scope"/> "col", "colgroup" or "row" for headers.</summary>
public sealed record ReportCellView(string Text, string Element, string? Scope, int ColumnSpan, int RowSpan)
{
    /// <summary>A figure (right-aligned, tabular digits); empty when the number is unknown.</summary>
    public bool IsFigure { get; init; }

    /// <summary>The 勾稽关系 note in the corner of table 三.</summary>
    public bool IsNote { get; init; }
}

/// <summary>The data the chart script reads: the outcome mix and the applications received per year.</summary>
public sealed record ReportChartData(IReadOnlyList<ReportChartSlice> Outcomes, IReadOnlyList<ReportTrendPoint> Trend);

public sealed record ReportChartSlice(string Name, int Value);

/// <summary>Applications received in a year (一、本年新收 总计); null when that year's report does not know it.</summary>
public sealed record ReportTrendPoint(int Year, int? Received);
