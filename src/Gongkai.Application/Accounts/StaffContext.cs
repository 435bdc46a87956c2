using Gongkai.Domain.Agencies;

namespace Gongkai.Application.Accounts;

/// <summary>Who is acting, for which agency, with which roles, from where. Built per request (web) or per command (CLI).</summary>
public sealed record StaffContext(string UserId, string UserName, int AgencyId, IReadOnlySet<string> Roles, string? IpAddress)
{
    /// <summary>The platform itself acting (setup, demo loading, CLI operators).</summary>
    public static StaffContext System(int agencyId = 0) =>
        new("system", "系统", agencyId, new HashSet<string> { StaffRole.PlatformAdmin }, null);

    public bool IsPlatformAdmin => Roles.Contains(StaffRole.PlatformAdmin);
    public bool IsAgencyAdmin => IsPlatformAdmin || Roles.Contains(StaffRole.AgencyAdmin);
    public bool CanEdit => Roles.Contains(StaffRole.Editor) || IsAgencyAdmin;
    public bool CanReview => Roles.Contains(StaffRole.Reviewer) || IsAgencyAdmin;
    public bool IsSupervisor => Roles.Contains(StaffRole.Supervisor);
}
