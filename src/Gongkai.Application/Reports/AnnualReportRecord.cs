using Gongkai.Application.Agencies;

namespace Gongkai.Application.Reports;

/// <summary>
/// One revision of an agency's annual report for a year, stored as its JSON model (<see cref="Domain.Reports.AnnualReportJson"/>,
/// findings of the last check included). Revision 1 is the report; a correction after publication is revision 2, … and
/// stays visible beside the first.
/// </summary>
public sealed class AnnualReportRecord : IAgencyOwned
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int Revision { get; set; } = 1;

    /// <summary>"2019" or "2021": the template's JSON code.</summary>
    public required string Template { get; set; }

    public required string ModelJson { get; set; }
    public AnnualReportStatus Status { get; set; }

    /// <summary>Counts of the last check's findings, for lists without reading the model.</summary>
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }

    /// <summary>Bumped on every save; optimistic concurrency between web nodes.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedById { get; set; }
    public required string UpdatedByName { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>The Beijing date of publication, compared with the 条例第四十九条 deadline.</summary>
    public DateOnly? PublishedOn { get; set; }
    /// <summary>Published after the 条例第四十九条 deadline (<see cref="Domain.Reports.ReportDeadline"/>); recorded at publication.</summary>
    public bool PublishedLate { get; set; }
    /// <summary>The 年报 column item the report was published as; every revision of the year shares it.</summary>
    public long? ItemId { get; set; }
    /// <summary>The supervising office's comments when returning it.</summary>
    public string? ReviewComment { get; set; }
}
