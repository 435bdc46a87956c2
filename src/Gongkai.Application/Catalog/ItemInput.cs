using Gongkai.Domain.Catalog;

namespace Gongkai.Application.Catalog;

/// <summary>The editable metadata and content of an item (domain.md §1.4).</summary>
public sealed record ItemInput
{
    public int ColumnId { get; init; }
    public string Title { get; init; } = "";
    public string PublishingOrg { get; init; } = "";
    public DateOnly? WrittenOn { get; init; }
    public DateOnly? FormedOn { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? DocNo { get; init; }
    public string? TopicCategory { get; init; }
    public DisclosureMode DisclosureMode { get; init; }
    public WithholdingReason WithholdingReason { get; init; }
    public string? DisclosureScope { get; init; }
    public string? Summary { get; init; }
    public string? BodyHtml { get; init; }
    public DocumentKind DocumentKind { get; init; }
    public Validity Validity { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? InvalidatedOn { get; init; }
    /// <summary>索引号 of the document that replaced this one.</summary>
    public string? ReplacedByIndexNo { get; init; }
    public InterpretationForm InterpretationForm { get; init; }
    /// <summary>索引号 of the document a 政策解读 interprets.</summary>
    public string? InterpretsIndexNo { get; init; }
}
