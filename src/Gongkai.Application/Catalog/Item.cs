using Gongkai.Domain.Catalog;

namespace Gongkai.Application.Catalog;

/// <summary>A piece of government information in the catalog (政府信息公开目录, 条例第十二条), with its workflow state.</summary>
public sealed class Item : Agencies.IAgencyOwned
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int ColumnId { get; set; }

    /// <summary>Year and per-agency serial behind the 索引号; also the stable public URL.</summary>
    public int Year { get; set; }
    public int Serial { get; set; }
    /// <summary>索引号, unique on the platform.</summary>
    public required string IndexNo { get; set; }

    public required string Title { get; set; }
    /// <summary>发布机构</summary>
    public required string PublishingOrg { get; set; }
    /// <summary>成文日期</summary>
    public DateOnly? WrittenOn { get; set; }
    /// <summary>The day the information was formed or changed: 条例第二十六条 counts 20 working days from it.</summary>
    public DateOnly FormedOn { get; set; }
    /// <summary>发布日期</summary>
    public DateOnly? PublishedOn { get; set; }
    /// <summary>文号, unique within the agency when present.</summary>
    public string? DocNo { get; set; }
    /// <summary>主题分类</summary>
    public string? TopicCategory { get; set; }
    public DisclosureMode DisclosureMode { get; set; }
    public WithholdingReason WithholdingReason { get; set; }
    /// <summary>公开范围, e.g. 面向全社会.</summary>
    public string DisclosureScope { get; set; } = "面向全社会";
    /// <summary>内容概述</summary>
    public string? Summary { get; set; }
    /// <summary>Sanitised HTML body.</summary>
    public string BodyHtml { get; set; } = "";

    public DocumentKind DocumentKind { get; set; }
    public Validity Validity { get; set; }
    /// <summary>施行日期</summary>
    public DateOnly? EffectiveOn { get; set; }
    /// <summary>失效/废止日期</summary>
    public DateOnly? InvalidatedOn { get; set; }
    /// <summary>The document that replaced this one, when repealed.</summary>
    public long? ReplacedById { get; set; }

    public InterpretationForm InterpretationForm { get; set; }
    /// <summary>For a 政策解读: the document it interprets.</summary>
    public long? InterpretsId { get; set; }

    public ItemStatus Status { get; set; }
    public required string AuthorId { get; set; }
    public string? ReviewerId { get; set; }
    public bool SecrecyReviewed { get; set; }
    public string? ReviewNote { get; set; }
    public string? WithdrawReason { get; set; }

    /// <summary>
    /// The working revision of a published item (an <see cref="ItemSnapshot"/>), while it is drafted and reviewed. The row
    /// itself keeps the published revision, so the portal, API, RSS and sitemap show it until the new one is approved
    /// (条例第十七条; decision 0013). Null when there is no revision in progress.
    /// </summary>
    public string? PendingRevisionJson { get; set; }
    /// <summary>Where the working revision stands (草稿, 待审核, 已退回); null when there is none.</summary>
    public ItemStatus? PendingStatus { get; set; }

    /// <summary>Bumped on every change; optimistic concurrency between web nodes.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
}
