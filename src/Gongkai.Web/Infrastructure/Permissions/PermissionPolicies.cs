using System.Security.Claims;
using Gongkai.Application.Accounts.Permissions;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Infrastructure.Permissions;

/// <summary>One authorization policy per row of <see cref="PermissionTable"/>: a signed-in user one of whose roles is granted it.</summary>
public static class PermissionPolicies
{
    public const string Prefix = "permission:";

    public static string PolicyName(Permission permission) => Prefix + PermissionTable.Of(permission).Key;

    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var definition in PermissionTable.All)
        {
            options.AddPolicy(PolicyName(definition.Permission), p => p
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(definition.Permission)));
        }
    }

    /// <summary>Whether the principal's roles (from the cookie or the API token) grant <paramref name="permission"/>.</summary>
    public static bool Has(this ClaimsPrincipal user, Permission permission) =>
        user.Identity?.IsAuthenticated == true && PermissionTable.Grants(user.FindAll(ClaimTypes.Role).Select(c => c.Value), permission);
}

public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
