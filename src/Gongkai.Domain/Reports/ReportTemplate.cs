namespace Gongkai.Domain.Reports;

/// <summary>
/// One generation of the annual report, as data: its six section titles, the section 二 tables, the data rows of
/// section 三 (7 columns each, <see cref="ApplicantColumns"/>), section 四 (<see cref="ReviewLitigationColumns"/>), or —
/// for the pre-2019 format — the rows of the 统计表. Labels are the canonical printed texts; readers of published
/// reports must match variants tolerantly but everything generated uses these.
/// </summary>
public sealed class ReportTemplate
{
    internal ReportTemplate(
        ReportFormat format, string notice, IReadOnlyList<string> sections, IReadOnlyList<Section2Table> section2,
        IReadOnlyList<ApplicationRow> applicationRows, IReadOnlyList<StatisticsRow> statisticsRows)
    {
        Format = format;
        Notice = notice;
        Sections = sections;
        Section2 = section2;
        ApplicationRows = applicationRows;
        StatisticsRows = statisticsRows;
    }

    public ReportFormat Format { get; }

    /// <summary>The JSON code of the template: "2008", "2019" or "2021".</summary>
    public string Code => ((int)Format).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The document that set the format (e.g. 国办公开办函〔2021〕30号).</summary>
    public string Notice { get; }

    /// <summary>The section titles in print order (一、总体情况 … 六、其他需要报告的事项).</summary>
    public IReadOnlyList<string> Sections { get; }

    public IReadOnlyList<Section2Table> Section2 { get; }

    public IReadOnlyList<ApplicationRow> ApplicationRows { get; }

    /// <summary>Rows of the pre-2019 统计表; empty for the 2019 and 2021 formats.</summary>
    public IReadOnlyList<StatisticsRow> StatisticsRows { get; }

    /// <summary>Whether the template has the section 三 and 四 tables (2019 and 2021 formats).</summary>
    public bool HasApplicationTables => ApplicationRows.Count > 0;

    public ApplicationRow? ApplicationRow(string key) => ApplicationRows.FirstOrDefault(r => r.Key == key);

    public Section2Table? Section2Table(string key) => Section2.FirstOrDefault(t => t.Key == key);

    public override string ToString() => $"{Code} ({Notice})";
}
