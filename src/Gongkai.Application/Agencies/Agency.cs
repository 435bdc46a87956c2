using Gongkai.Domain.Agencies;

namespace Gongkai.Application.Agencies;

/// <summary>A body that discloses information. Every record on the platform belongs to exactly one agency.</summary>
public sealed class Agency
{
    public int Id { get; set; }

    /// <summary>The agency's code (e.g. its organisation code); the first part of its 索引号 and its URL segment.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }

    /// <summary>Materialised ancestry, e.g. <c>/1/5/</c>: lets a supervisor's "my subordinates" be one indexed prefix query.</summary>
    public string Path { get; set; } = "/";
    public int SortOrder { get; set; }

    // Contact data for the 政府信息公开指南 (条例第十二条).
    public string? Functions { get; set; }
    public string? OfficeName { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? OfficeHours { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }

    /// <summary>
    /// The 行政复议机关 named in this agency's letters (《行政复议法》(2023) 第二十四条: the 本级人民政府 for a department, the
    /// 上一级人民政府 for a government). Empty: the letter names it generically.
    /// </summary>
    public string? ReviewBody { get; set; }

    /// <summary>The 机关代字 of its letter numbers, e.g. 示政公开 in 示政公开〔2026〕12号. Empty: derived from the name.</summary>
    public string? LetterPrefix { get; set; }

    public DateTime CreatedAt { get; set; }
}
