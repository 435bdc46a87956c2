using Gongkai.Application.Accounts.Permissions;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Infrastructure.Permissions;

/// <summary>
/// The permission a back-office page (on its page model) or a staff API endpoint (<see cref="PermissionEndpointExtensions.RequirePermission"/>)
/// needs. It is an <see cref="AuthorizeAttribute"/> naming that permission's policy, so the authorization middleware
/// enforces it, and the convention tests find it in the endpoint metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequirePermissionAttribute(Permission permission) : AuthorizeAttribute(PermissionPolicies.PolicyName(permission))
{
    public Permission Permission { get; } = permission;
}
