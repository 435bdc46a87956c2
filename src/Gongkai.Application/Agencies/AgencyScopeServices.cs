using Gongkai.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Agencies;

public static class AgencyScopeServices
{
    /// <summary>
    /// One <see cref="AgencyScope"/> per DI scope (a web request, a CLI command, a background run), shared by its database
    /// context; Identity's user store with the sign-in lookups outside it. Registered before Identity's own stores, which
    /// only add a store when none is registered.
    /// </summary>
    public static IServiceCollection AddGongkaiAgencyScope(this IServiceCollection services)
    {
        services.AddScoped<AgencyScope>();
        services.AddScoped<IUserStore<StaffUser>, StaffUserStore>();
        return services;
    }
}
