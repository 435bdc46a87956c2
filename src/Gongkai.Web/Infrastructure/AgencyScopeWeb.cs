using System.Security.Claims;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Domain.Agencies;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Sets the request's agency scope from the signed-in member of staff (cookie or API token), after authentication and
/// authorization: every later query of the request sees only their agencies. Anonymous requests keep the empty scope;
/// the portal reads through its named opt-out.
/// </summary>
public sealed class AgencyScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx, GongkaiDbContext db)
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimTypes.NameIdentifier) is not null
            && StaffRole.All.Any(user.IsInRole))
        {
            await db.ActAsAsync(CurrentStaff.From(ctx), ctx.RequestAborted);
        }
        await next(ctx);
    }
}

/// <summary>
/// Runs a page's handlers outside the agency scope for a named reason (<see cref="ScopeOptOut"/>), e.g. the applicant's
/// pages, where a tracking code and secret rather than an account prove whose case it is.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OutsideAgencyScopeAttribute(ScopeOptOut reason) : Attribute, IAsyncPageFilter
{
    public ScopeOptOut Reason { get; } = reason;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        using (context.HttpContext.RequestServices.GetRequiredService<AgencyScope>().Unrestricted(Reason))
        {
            await next();
        }
    }
}
