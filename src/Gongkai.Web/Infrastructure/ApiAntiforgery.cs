using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The staff API accepts the back office's sign-in cookie as well as API tokens. A browser sends the cookie with any
/// request another site makes it send, so a state-changing call carried by the cookie alone must also present the
/// antiforgery token (header <c>RequestVerificationToken</c>, the same token the back office's forms carry). A call
/// authenticated by <c>Authorization: Bearer</c> needs none: no other site can make a browser attach that header.
/// See docs/decisions/0014-api-antiforgery.md.
/// </summary>
public sealed class ApiAntiforgeryMiddleware(RequestDelegate next)
{
    public static readonly PathString StaffApi = "/api/v1/staff";

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (RequiresToken(context))
        {
            // Throws AntiforgeryValidationException: the error table answers 400 problem+json before anything runs.
            await antiforgery.ValidateRequestAsync(context);
        }
        await next(context);
    }

    private static bool RequiresToken(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(StaffApi) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }
        var identities = context.User.Identities.Where(i => i.IsAuthenticated).ToList();
        var byToken = identities.Any(i => i.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName);
        var byCookie = identities.Any(i => i.AuthenticationType == IdentityConstants.ApplicationScheme);
        return byCookie && !byToken;
    }
}

public static class ApiAntiforgeryExtensions
{
    /// <summary>After authorization, so the caller's scheme is known (the staff API policy authenticates both).</summary>
    public static IApplicationBuilder UseGongkaiApiAntiforgery(this IApplicationBuilder app) => app.UseMiddleware<ApiAntiforgeryMiddleware>();
}
