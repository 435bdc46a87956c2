namespace Gongkai.Application.Catalog;

/// <summary>A file attached to an item. The bytes live in <see cref="AttachmentContent"/> so lists stay light.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public long ItemId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>
/// Attachment bytes, stored in the database so that web nodes keep no state of their own and several can run
/// behind a load balancer.
/// </summary>
public sealed class AttachmentContent
{
    public Guid Id { get; set; }
    public required byte[] Data { get; set; }
}
