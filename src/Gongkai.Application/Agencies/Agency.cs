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

    public DateTime CreatedAt { get; set; }
}
