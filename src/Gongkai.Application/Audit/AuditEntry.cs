namespace Gongkai.Application.Audit;

/// <summary>
/// One action in the audit log: who, when, what, from where. Append-only — the database itself refuses
/// UPDATE and DELETE on this table (see <see cref="Data.SchemaInitializer"/>), and each entry is chained to the one
/// before by its hash (<see cref="AuditChain"/>), so a change made past the database's guards is evident.
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

    /// <summary>Position in the chain, from 1, without gaps: assigned when the entry is saved.</summary>
    public long Seq { get; set; }

    /// <summary>Hash of the previous entry (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string PrevHash { get; set; } = "";

    /// <summary><see cref="AuditChain.Hash"/> of this entry.</summary>
    public string Hash { get; set; } = "";
}
