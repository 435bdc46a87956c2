namespace Gongkai.Application.Catalog;

/// <summary>A column of an agency's 政府信息公开专栏.</summary>
public sealed class Column : Agencies.IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int? ParentId { get; set; }

    /// <summary>Stable key, unique within the agency; the URL segment. Standard columns use the keys of <see cref="Domain.Catalog.StandardColumns"/>.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Article { get; set; }
    public int SortOrder { get; set; }
    public bool IsStandard { get; set; }
}
