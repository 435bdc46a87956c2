namespace Gongkai.Application.Changes;

/// <summary>What happened to public content. Stored by name, so the table reads without a key.</summary>
public enum ChangeKind
{
    /// <summary>An item appeared on the portal for the first time.</summary>
    Published,

    /// <summary>A new revision of an item that had been public was published again.</summary>
    Revised,

    /// <summary>
    /// A new revision published that marks a 规章 or 规范性文件 失效 or 废止 (条例第二十条第（一）项 asks for the
    /// validity to be shown): the text stays public, its 有效性 changed.
    /// </summary>
    Repealed,

    /// <summary>An item left the portal: withdrawn, or sent back to draft by an edit (it stays off until approved again).</summary>
    Withdrawn,

    /// <summary>An item was deleted.</summary>
    Deleted,

    ColumnCreated,
    ColumnChanged,
    AgencyCreated,
    AgencyChanged,

    /// <summary>Bulk loading (demo, benchmark data) wrote public content without a record per row: rebuild everything.</summary>
    Reset,
}

/// <summary>
/// One change to public content, written in the same transaction as the change itself (<see cref="ChangeFeed"/>).
/// <see cref="Id"/> is the record's position in the feed: it only grows, and readers never see a smaller one appear
/// later (<see cref="ChangeFeedWriteLock"/>). Codes and keys are copied in, so consumers need no lookups.
/// </summary>
public sealed class ChangeRecord : Agencies.IAgencyOrPlatformOwned
{
    public long Id { get; set; }
    public ChangeKind Kind { get; set; }
    public int? AgencyId { get; set; }
    public string? AgencyCode { get; set; }

    /// <summary>"Item", "Column", "Agency" or "Platform".</summary>
    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>For an item, the column the public saw it in (for a withdrawal, the column it left); for a column, its key.</summary>
    public string? ColumnKey { get; set; }

    /// <summary>For a 政策解读, the document it interprets: that document's page lists its published interpretations.</summary>
    public long? RelatedItemId { get; set; }

    public DateTime OccurredAt { get; set; }
}

/// <summary>How far a durable consumer has read the feed (<see cref="IChangeConsumer.Durable"/>).</summary>
public sealed class ChangeFeedPosition
{
    public required string Consumer { get; set; }
    public long Position { get; set; }
    public DateTime UpdatedAt { get; set; }
}
