using Microsoft.AspNetCore.Identity;

namespace Gongkai.Application.Accounts;

/// <summary>A staff account. Each belongs to one agency; its roles decide what it may do there.</summary>
public sealed class StaffUser : IdentityUser, Agencies.IAgencyOwned
{
    public int AgencyId { get; set; }
    public string DisplayName { get; set; } = "";
}
