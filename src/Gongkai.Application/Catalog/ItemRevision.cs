namespace Gongkai.Application.Catalog;

/// <summary>A full snapshot of an item after each change: revisions keep full history.</summary>
public sealed class ItemRevision
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public int Version { get; set; }
    public required string Action { get; set; }
    public required string SnapshotJson { get; set; }
    public string? ChangedById { get; set; }
    public string? ChangedByName { get; set; }
    public DateTime ChangedAt { get; set; }
}
