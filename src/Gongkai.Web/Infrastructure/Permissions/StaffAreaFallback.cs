using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Infrastructure.Permissions;

/// <summary>
/// The fallback policy: it applies to every endpoint that declares nothing about authorization. Under <c>/staff</c> and
/// <c>/api/v1/staff</c> it denies, so a back-office page or staff endpoint whose author forgot its permission is closed,
/// not open. Elsewhere (the portal, whose pages are also marked anonymous explicitly) it allows. A path that matches no
/// endpoint is let through to answer 404.
/// </summary>
public sealed class StaffAreaRequirement : IAuthorizationRequirement
{
    public static bool IsStaffArea(PathString path) =>
        path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/v1/staff", StringComparison.OrdinalIgnoreCase);
}

public sealed class StaffAreaHandler : AuthorizationHandler<StaffAreaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffAreaRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.GetEndpoint() is null || !StaffAreaRequirement.IsStaffArea(http.Request.Path))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
