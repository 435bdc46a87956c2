using Gongkai.Application.Accounts;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;

namespace Gongkai.Application.Audit;

/// <summary>
/// Adds audit entries to the unit of work, so an action and its audit entry are saved in the same transaction:
/// no action without its entry, no entry for an action that failed.
/// </summary>
public sealed class AuditLog(GongkaiDbContext db, PlatformClock clock)
{
    public void Record(StaffContext actor, string action, string entityType, object? entityId, string? detail = null, int? agencyId = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.UtcNow,
            UserId = actor.UserId,
            UserName = actor.UserName,
            AgencyId = agencyId ?? (actor.AgencyId == 0 ? null : actor.AgencyId),
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Detail = detail is { Length: > 4000 } ? detail[..4000] : detail,
            IpAddress = actor.IpAddress,
        });
}
