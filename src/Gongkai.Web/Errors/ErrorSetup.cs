using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Errors;

/// <summary>Registers the one error mapping (see docs/decisions/0005-error-mapping.md).</summary>
public static class ErrorSetup
{
    public static IServiceCollection AddGongkaiErrors(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add(new PageErrorFilter());
            o.Filters.Add(new AntiforgeryFailureFilter());
            // Inside PageErrorFilter, which shows its refusal on the form.
            o.Filters.Add(new InvalidChoiceFilter());
        });
        // The staff cookie answers an unauthenticated or refused API call with 401/403, not a redirect to the login
        // page: an API client cannot follow a login form.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = ctx => ApiProblems.IsApi(ctx.Request.Path) ? Status(ctx.Response, 401) : toLogin(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => ApiProblems.IsApi(ctx.Request.Path) ? Status(ctx.Response, 403) : toDenied(ctx);
        });
        return services;
    }

    /// <summary>
    /// Exceptions: problem+json under /api (ApiExceptionHandler), otherwise the Chinese /error page. Bare error statuses
    /// (an unknown route, a refused challenge, a rate limit): problem+json under /api, the /error/{status} page elsewhere.
    /// </summary>
    public static void UseGongkaiErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Inside the page re-execution, so it answers /api first; a response with a body is left alone.
        app.UseWhen(ctx => ApiProblems.IsApi(ctx.Request.Path), api => api.UseStatusCodePages(ctx =>
            ApiProblems.WriteAsync(ctx.HttpContext, ApiProblems.Create(ErrorCatalog.ForStatus(ctx.HttpContext.Response.StatusCode)))));
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
