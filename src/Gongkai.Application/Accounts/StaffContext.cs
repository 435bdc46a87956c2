using Gongkai.Application.Accounts.Permissions;
using Gongkai.Domain.Agencies;

namespace Gongkai.Application.Accounts;

/// <summary>Who is acting, for which agency, with which roles, from where. Built per request (web) or per command (CLI).</summary>
public sealed record StaffContext(string UserId, string UserName, int AgencyId, IReadOnlySet<string> Roles, string? IpAddress)
{
    /// <summary>The platform itself acting (setup, demo loading, CLI operators).</summary>
    public static StaffContext System(int agencyId = 0) =>
        new(SystemUserId, "系统", agencyId, new HashSet<string> { StaffRole.PlatformAdmin }, null);

    public const string SystemUserId = "system";

    /// <summary>The platform itself (an operator at the command line), not a signed-in member of staff.</summary>
    public bool IsSystem => UserId == SystemUserId;

    /// <summary>Whether the actor's roles grant <paramref name="permission"/> (the one table: <see cref="PermissionTable"/>).</summary>
    public bool Has(Permission permission) => PermissionTable.Grants(Roles, permission);

    /// <summary>Scope, not a permission: the platform admin sees and changes every agency.</summary>
    public bool IsPlatformAdmin => Roles.Contains(StaffRole.PlatformAdmin);

    /// <summary>Refuses (403, <paramref name="refusal"/> as the message) unless the actor has <paramref name="permission"/>.</summary>
    public void Require(Permission permission, string refusal)
    {
        if (!Has(permission))
        {
            throw new ForbiddenException(refusal);
        }
    }

    public bool CanEdit => Has(Permission.ItemsEdit);
    public bool CanReview => Has(Permission.ItemsReview);

    /// <summary>Scope: reads (never changes) the agencies below its own.</summary>
    public bool IsSupervisor => Has(Permission.SupervisionView);
}
