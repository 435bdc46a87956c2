using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Gongkai.Application.Accounts;

/// <summary>
/// Identity's store with the sign-in lookups outside the agency scope (<see cref="ScopeOptOut.SignIn"/>): finding an
/// account by id, name or e-mail happens before anyone is known (the login form, the cookie's periodic re-validation,
/// API tokens) and must see every agency, as must the platform-wide user-name uniqueness check. Listing and changing
/// accounts goes through <see cref="AccountService"/>, which stays within the scope and checks <see cref="AgencyAccess"/>.
/// </summary>
public sealed class StaffUserStore(GongkaiDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, GongkaiDbContext, string>(context, describer)
{
    public override async Task<StaffUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        using (Context.AgencyScope.Unrestricted(ScopeOptOut.SignIn))
        {
            return await base.FindByIdAsync(userId, cancellationToken);
        }
    }

    public override async Task<StaffUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        using (Context.AgencyScope.Unrestricted(ScopeOptOut.SignIn))
        {
            return await base.FindByNameAsync(normalizedUserName, cancellationToken);
        }
    }

    public override async Task<StaffUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        using (Context.AgencyScope.Unrestricted(ScopeOptOut.SignIn))
        {
            return await base.FindByEmailAsync(normalizedEmail, cancellationToken);
        }
    }
}
