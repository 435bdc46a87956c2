namespace Gongkai.Domain.Reports;

/// <summary>
/// One agency's 政府信息公开工作年度报告 for one year (条例第四十九条、第五十条), in the template of that year or —
/// for a report read from a publication — the template it was written in. Every cell the template defines exists from
/// the start and is null until known: an unknown number is never guessed.
/// </summary>
public sealed class AnnualReport
{
    public AnnualReport(string agency, int year, ReportTemplate template)
    {
        Agency = agency;
        Year = year;
        Template = template;
        Section2 = new Section2Values(template);
        Applications = template.ApplicationRows.ToDictionary(r => r.Key, _ => new int?[ApplicantColumns.Count]);
        ReviewLitigation = template.HasApplicationTables ? new int?[ReviewLitigationColumns.Count] : [];
        Statistics2008 = template.StatisticsRows.Where(r => !r.IsHeader).ToDictionary(r => r.Key, _ => (decimal?)null);
    }

    /// <summary>A blank report in the template the year requires.</summary>
    public static AnnualReport Create(string agency, int year) => new(agency, year, ReportTemplates.ForYear(year));

    /// <summary>The agency's name (or code) as the report names it.</summary>
    public string Agency { get; }

    /// <summary>The report year: the statistics period is 1月1日–12月31日 of this year.</summary>
    public int Year { get; }

    public ReportTemplate Template { get; }

    /// <summary>Section 二: 条例第二十条 (一)(五)(六)(八)(九) tables.</summary>
    public Section2Values Section2 { get; }

    /// <summary>Section 三: every data row key of the template → its 7 numbers (<see cref="ApplicantColumns.Labels"/>).</summary>
    public IReadOnlyDictionary<string, int?[]> Applications { get; }

    /// <summary>Section 四: the 15 numbers of <see cref="ReviewLitigationColumns"/>; empty for the pre-2019 template.</summary>
    public int?[] ReviewLitigation { get; }

    /// <summary>The pre-2019 统计表: data row key → 统计数; empty for the 2019 and 2021 templates.</summary>
    public IDictionary<string, decimal?> Statistics2008 { get; }

    public ReportText Text { get; } = new();

    /// <summary>The findings of the last check (<see cref="ReportChecker"/>), stored with the report.</summary>
    public IReadOnlyList<ReportFinding> Findings { get; set; } = [];

    /// <summary>Sets a whole section 三 row; <paramref name="values"/> are the 7 numbers in column order.</summary>
    public AnnualReport WithApplications(string key, params int?[] values)
    {
        if (values.Length != ApplicantColumns.Count)
        {
            throw new ArgumentException($"A section 三 row has {ApplicantColumns.Count} numbers, not {values.Length}.", nameof(values));
        }
        values.CopyTo(Applications[key], 0);
        return this;
    }

    /// <summary>Sets the 15 numbers of section 四.</summary>
    public AnnualReport WithReviewLitigation(params int?[] values)
    {
        if (values.Length != ReviewLitigation.Length)
        {
            throw new ArgumentException($"Section 四 of this template has {ReviewLitigation.Length} numbers, not {values.Length}.", nameof(values));
        }
        values.CopyTo(ReviewLitigation, 0);
        return this;
    }
}
