using Gongkai.Application.Agencies;
using Gongkai.Application.Catalog;
using Gongkai.Domain.Catalog;

namespace Gongkai.Web.Api;

public sealed record AgencyDto(string Code, string Name, string Kind, string? ParentCode, string Url);

public sealed record ColumnDto(string Key, string Name, string? ParentKey, string? Article, string Url);

public sealed record ItemSummaryDto(long Id, string IndexNo, string Title, DateOnly? PublishedOn, string? DocNo, string DocumentKind, string? Validity, string Url);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string Url);

public sealed record ItemDto(
    long Id, string IndexNo, string AgencyCode, string ColumnKey, string Title, string PublishingOrg, DateOnly? WrittenOn, DateOnly FormedOn,
    DateOnly? PublishedOn, string? DocNo, string? TopicCategory, string DisclosureMode, string DisclosureScope, string? Summary,
    string BodyHtml, string DocumentKind, string? Validity, DateOnly? EffectiveOn, DateOnly? InvalidatedOn, string? InterpretationForm,
    string Status, int Version, string Url, IReadOnlyList<AttachmentDto> Attachments);

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int PageCount);

/// <summary>Create/update body for the staff API; dates as yyyy-MM-dd, enums by name.</summary>
public sealed record ItemWriteDto
{
    public required string ColumnKey { get; init; }
    public required string Title { get; init; }
    public required string PublishingOrg { get; init; }
    public DateOnly? WrittenOn { get; init; }
    public DateOnly? FormedOn { get; init; }
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
    public string? ReplacedByIndexNo { get; init; }
    public InterpretationForm InterpretationForm { get; init; }
    public string? InterpretsIndexNo { get; init; }
    /// <summary>For updates: the version read, so a concurrent change is refused instead of overwritten.</summary>
    public int? Version { get; init; }
}

/// <summary>An approval: <see cref="Version"/> is the item version the reviewer read (from GetStaffItem); required.</summary>
public sealed record ReviewDto(bool SecrecyReviewed, string? Note, int? Version = null);

public sealed record ReasonDto(string? Reason);

public static class PortalUrls
{
    public static string Agency(string code) => $"/agencies/{Uri.EscapeDataString(code)}";
    public static string Column(string code, string key) => $"/agencies/{Uri.EscapeDataString(code)}/columns/{key}";
    public static string Item(string code, int year, int serial) => $"/agencies/{Uri.EscapeDataString(code)}/items/{year}/{serial}";
    /// <summary>The public application form of one agency (依申请公开).</summary>
    public static string Apply(string code) => $"/apply/{Uri.EscapeDataString(code)}";
    /// <summary>The agency's 政府信息公开申请表 as Word, for applying on paper.</summary>
    public static string ApplicationForm(string code) => $"/apply/{Uri.EscapeDataString(code)}/form.docx";
    public const string Track = "/track";
    public static string Attachment(Guid id, string fileName) => $"/attachments/{id}/{Uri.EscapeDataString(fileName)}";

    public static ItemSummaryDto ToDto(this ItemSummary s) =>
        new(s.Id, s.IndexNo, s.Title, s.PublishedOn, s.DocNo, s.DocumentKind.Label(), s.Validity == Validity.NotApplicable ? null : s.Validity.Label(), Item(s.AgencyCode, s.Year, s.Serial));

    public static ItemDto ToDto(this Item i, string agencyCode, string columnKey) =>
        new(i.Id, i.IndexNo, agencyCode, columnKey, i.Title, i.PublishingOrg, i.WrittenOn, i.FormedOn, i.PublishedOn, i.DocNo, i.TopicCategory,
            i.DisclosureMode.Label(), i.DisclosureScope, i.Summary, i.BodyHtml, i.DocumentKind.Label(),
            i.Validity == Validity.NotApplicable ? null : i.Validity.Label(), i.EffectiveOn, i.InvalidatedOn,
            i.InterpretationForm == InterpretationForm.None ? null : i.InterpretationForm.Label(), i.Status.Label(), i.Version,
            Item(agencyCode, i.Year, i.Serial),
            i.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, Attachment(a.Id, a.FileName))).ToList());

    public static AgencyDto ToDto(this Agency a, string? parentCode) => new(a.Code, a.Name, a.Kind.ToString(), parentCode, Agency(a.Code));
}
