using System.Text.Json;
using Gongkai.Domain.Catalog;

namespace Gongkai.Application.Catalog;

/// <summary>
/// An item's content at one revision: what <see cref="ItemRevision.SnapshotJson"/> records after each change, and what
/// <see cref="Item.PendingRevisionJson"/> holds while a revision of a published item waits for review.
/// </summary>
public sealed record ItemSnapshot(
    string IndexNo, string Title, string PublishingOrg, DateOnly? WrittenOn, DateOnly FormedOn, DateOnly? PublishedOn, string? DocNo,
    string? TopicCategory, int ColumnId, DisclosureMode DisclosureMode, WithholdingReason WithholdingReason, string DisclosureScope,
    string? Summary, string BodyHtml, DocumentKind DocumentKind, Validity Validity, DateOnly? EffectiveOn, DateOnly? InvalidatedOn,
    long? ReplacedById, InterpretationForm InterpretationForm, long? InterpretsId, ItemStatus Status)
{
    // Chinese stays readable in stored snapshots.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ItemSnapshot Of(Item i) => new(
        i.IndexNo, i.Title, i.PublishingOrg, i.WrittenOn, i.FormedOn, i.PublishedOn, i.DocNo, i.TopicCategory, i.ColumnId, i.DisclosureMode,
        i.WithholdingReason, i.DisclosureScope, i.Summary, i.BodyHtml, i.DocumentKind, i.Validity, i.EffectiveOn, i.InvalidatedOn,
        i.ReplacedById, i.InterpretationForm, i.InterpretsId, i.Status);

    public static ItemSnapshot Parse(string json) =>
        JsonSerializer.Deserialize<ItemSnapshot>(json, Json) ?? throw new InvalidOperationException("Empty item snapshot.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the content (not the workflow state) onto an item.</summary>
    public void ApplyContentTo(Item i)
    {
        i.Title = Title;
        i.PublishingOrg = PublishingOrg;
        i.WrittenOn = WrittenOn;
        i.FormedOn = FormedOn;
        i.PublishedOn = PublishedOn;
        i.DocNo = DocNo;
        i.TopicCategory = TopicCategory;
        i.ColumnId = ColumnId;
        i.DisclosureMode = DisclosureMode;
        i.WithholdingReason = WithholdingReason;
        i.DisclosureScope = DisclosureScope;
        i.Summary = Summary;
        i.BodyHtml = BodyHtml;
        i.DocumentKind = DocumentKind;
        i.Validity = Validity;
        i.EffectiveOn = EffectiveOn;
        i.InvalidatedOn = InvalidatedOn;
        i.ReplacedById = ReplacedById;
        i.InterpretationForm = InterpretationForm;
        i.InterpretsId = InterpretsId;
    }
}
