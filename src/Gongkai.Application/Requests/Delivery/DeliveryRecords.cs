namespace Gongkai.Application.Requests.Delivery;

/// <summary>How the disclosed information reached the applicant (条例第四十条: 申请人要求的形式和获取方式).</summary>
public enum DeliveryMethod
{
    /// <summary>电子邮件 — sent by the platform to the address the applicant gave.</summary>
    Email = 1,
    /// <summary>在线下载 — the applicant downloaded it on the tracking page with code and secret; the first download is 送达.</summary>
    OnlineDownload = 2,
    /// <summary>邮寄.</summary>
    Post = 3,
    /// <summary>当面领取.</summary>
    InPerson = 4,
    /// <summary>传真.</summary>
    Fax = 5,
    /// <summary>其他方式.</summary>
    Other = 9,
}

public static class DeliveryMethods
{
    public static string Label(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.OnlineDownload => "在线下载",
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.InPerson => "当面领取",
        DeliveryMethod.Fax => "传真",
        DeliveryMethod.Other => "其他方式",
        _ => method.ToString(),
    };

    /// <summary>The methods a clerk records by hand; e-mail and online download are recorded by the platform when they happen.</summary>
    public static IReadOnlyList<DeliveryMethod> Recorded { get; } = [DeliveryMethod.Post, DeliveryMethod.InPerson, DeliveryMethod.Fax, DeliveryMethod.Other];
}

/// <summary>
/// A document disclosed to the applicant (条例第三十六条第（一）项、第（二）项; 第三十七条 the part that can be disclosed):
/// either a file the clerk uploaded, stored encrypted like the case's other files (it may be the applicant's own
/// information), or a link to an item the agency has published in its catalog.
/// </summary>
public sealed class DisclosedDocument : Agencies.IAgencyOwned
{
    public Guid Id { get; set; }
    public long RequestId { get; set; }
    public int AgencyId { get; set; }

    /// <summary>The file's cleaned name, or the linked item's title.</summary>
    public required string Name { get; set; }

    /// <summary>For a file: its type as recognised from the bytes; null for a link.</summary>
    public string? ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the file as uploaded (not of the ciphertext).</summary>
    public string? Sha256 { get; set; }
    /// <summary>The encrypted file; null for a link.</summary>
    public byte[]? Data { get; set; }

    /// <summary>For a link: the published catalog item and its 索引号.</summary>
    public long? ItemId { get; set; }
    public string? ItemIndexNo { get; set; }

    public DateTime AddedAt { get; set; }
    public required string AddedByName { get; set; }

    public bool IsLink => ItemId is not null;
}

/// <summary>
/// One attempt to serve the disclosed information (送达): its method and date. A failed e-mail is kept (with the SMTP
/// status, never the address) so the record shows what was tried; only <see cref="Succeeded"/> rows count as 送达.
/// </summary>
public sealed class DocumentDelivery : Agencies.IAgencyOwned
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int AgencyId { get; set; }
    public DeliveryMethod Method { get; set; }
    public DateOnly On { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>What was delivered or why it failed; no personal data.</summary>
    public required string Detail { get; set; }
    public required string ActorName { get; set; }
}

/// <summary>
/// A catalog item drafted from a case because many people ask for the same information (条例第四十四条). The item goes
/// through the normal review; this row links it back to the case.
/// </summary>
public sealed class CasePublication : Agencies.IAgencyOwned
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int AgencyId { get; set; }
    public long ItemId { get; set; }
    public Guid DocumentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
}
