using System.Security.Claims;
using Gongkai.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>The signed-in member of staff of this request, as the use cases see them.</summary>
public sealed class CurrentStaff(IHttpContextAccessor http)
{
    public const string AgencyClaim = "gongkai:agency";
    public const string DisplayNameClaim = "gongkai:name";

    public StaffContext Context => From(http.HttpContext!);

    public static StaffContext From(HttpContext ctx)
    {
        var user = ctx.User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        var name = user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? id;
        var agency = int.Parse(user.FindFirstValue(AgencyClaim) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new StaffContext(id, name, agency, roles, ctx.Connection.RemoteIpAddress?.ToString());
    }
}

/// <summary>Puts the staff member's agency and display name into the sign-in cookie.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentStaff.AgencyClaim, user.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(CurrentStaff.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
