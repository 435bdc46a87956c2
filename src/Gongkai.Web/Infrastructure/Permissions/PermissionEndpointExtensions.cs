using Gongkai.Application.Accounts.Permissions;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure.Permissions;

public static class PermissionEndpointExtensions
{
    /// <summary>
    /// A staff API endpoint (or group) needs <paramref name="permission"/>; the caller signs in with an API token
    /// (<c>Authorization: Bearer gk_…</c>) or the back-office cookie.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequirePermissionAttribute(permission)
        {
            AuthenticationSchemes = $"{ApiTokenAuthenticationHandler.SchemeName},{IdentityConstants.ApplicationScheme}",
        });
}
