using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Infrastructure.Permissions;

public static class PermissionSetup
{
    /// <summary>
    /// Permission policies, the closing fallback policy and the explicitly anonymous pages. Each back-office page carries
    /// <see cref="RequirePermissionAttribute"/> and each staff endpoint <see cref="PermissionEndpointExtensions.RequirePermission"/>.
    /// </summary>
    public static IServiceCollection AddGongkaiPermissions(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, StaffAreaHandler>();
        services.AddAuthorization(o =>
        {
            o.AddPermissionPolicies();
            o.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new StaffAreaRequirement()).Build();
        });
        services.Configure<RazorPagesOptions>(o =>
        {
            // Open to everyone, said here rather than left to the fallback.
            o.Conventions.AllowAnonymousToFolder("/Portal");
            o.Conventions.AllowAnonymousToFolder("/Setup");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Staff/Login");
            o.Conventions.AllowAnonymousToPage("/Staff/LoginTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Staff/Denied");
            o.Conventions.AllowAnonymousToPage("/Staff/Logout");
        });
        return services;
    }
}
