using System.Security.Claims;
using Gongkai.Application.Accounts.TwoFactor;
using Gongkai.Web.Errors;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure.TwoFactor;

/// <summary>
/// With <c>Accounts:RequireTwoFactorForAdmins</c>, an administrator signed in with the cookie but without a second factor
/// reaches only the set-up page (and signing out): every other back-office page redirects there, and the cookie-signed
/// staff API answers 403. One place, so a new page cannot forget it. API tokens are not affected: they are issued by a
/// signed-in member of staff and are a credential of their own.
/// </summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next, IOptionsMonitor<TwoFactorOptions> options)
{
    public const string RequiredMessage = "平台要求管理员启用双因素认证：请先在“双因素认证”页面绑定验证器应用。";

    public async Task InvokeAsync(HttpContext context, StaffTwoFactor twoFactor)
    {
        if (options.CurrentValue.RequireTwoFactorForAdmins && MustCheck(context)
            && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && !await twoFactor.IsEnabledAsync(userId))
        {
            if (ApiProblems.IsApi(context.Request.Path))
            {
                await ApiProblems.WriteAsync(context, ApiProblems.Create(ErrorCatalog.Forbidden, RequiredMessage));
            }
            else
            {
                context.Response.Redirect(TwoFactorSetup.SetupPath);
            }
            return;
        }
        await next(context);
    }

    private static bool MustCheck(HttpContext context)
    {
        var path = context.Request.Path;
        return context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
            && type == IdentityConstants.ApplicationScheme
            && StaffAreaRequirement.IsStaffArea(path)
            && !path.StartsWithSegments(TwoFactorSetup.SetupPath, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/staff/login", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/staff/logout", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/staff/denied", StringComparison.OrdinalIgnoreCase)
            && StaffTwoFactor.IsAdministrator(context.User.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }
}
