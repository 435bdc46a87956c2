namespace Gongkai.Domain.Requests;

/// <summary>Which national format a report year's statistics table follows (domain.md §4.2).</summary>
public enum AnnualReportTemplate
{
    /// <summary>国办公开办函〔2019〕60号 (试行), used for the 2019 and 2020 reports: （六）其他处理 is one data row.</summary>
    Format2019 = 2019,
    /// <summary>国办公开办函〔2021〕30号, from the 2021 report on: （六）其他处理 has three sub-rows.</summary>
    Format2021 = 2021,
}

/// <summary>One data row of 三、本年度办理结果 in a given format, and the outcomes counted in it.</summary>
public sealed record AnnualOutcomeRow(string Label, OutcomeGroup Group, IReadOnlyList<RequestOutcome> Outcomes);

/// <summary>The outcome rows of the annual report's section 三 as the report year's format lays them out.</summary>
public static class AnnualOutcomeRows
{
    /// <summary>The 2019 format's single row (domain.md §4.3); its cases are those of the 2021 format's three sub-rows.</summary>
    public const string OtherHandling2019Label = "（六）其他处理";

    /// <summary>
    /// domain.md §4.2: the 2019 (60号) format for report years up to 2020 — 2019 was its first year, and earlier years
    /// had no 依申请公开 outcome table of this shape — and the 2021 (30号) format from 2021 on.
    /// </summary>
    public static AnnualReportTemplate TemplateFor(int reportYear) =>
        reportYear <= 2020 ? AnnualReportTemplate.Format2019 : AnnualReportTemplate.Format2021;

    /// <summary>The rows of <paramref name="reportYear"/>'s table in report order: 21 in the 2021 format, 19 in the 2019 format.</summary>
    public static IReadOnlyList<AnnualOutcomeRow> For(int reportYear) => TemplateFor(reportYear) == AnnualReportTemplate.Format2019 ? Rows2019 : Rows2021;

    private static readonly IReadOnlyList<AnnualOutcomeRow> Rows2021 =
        [.. RequestOutcomes.All.Select(o => new AnnualOutcomeRow(o.Label, o.Group, [o]))];

    private static readonly IReadOnlyList<AnnualOutcomeRow> Rows2019 =
    [
        .. RequestOutcomes.All.Where(o => o.Group != OutcomeGroup.OtherHandling).Select(o => new AnnualOutcomeRow(o.Label, o.Group, [o])),
        new AnnualOutcomeRow(OtherHandling2019Label, OutcomeGroup.OtherHandling,
            [.. RequestOutcomes.All.Where(o => o.Group == OutcomeGroup.OtherHandling)]),
    ];
}
