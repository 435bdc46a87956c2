namespace Gongkai.Application.Audit;

/// <summary>
/// One action in the audit log: who, when, what, from where. Append-only — the database itself refuses
/// UPDATE and DELETE on this table (see <see cref="Data.SchemaInitializer"/>).
/// </summary>
public sealed class AuditEntry : Agencies.IAgencyOrPlatformOwned
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public int? AgencyId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
