using Gongkai.Application.Platform;

namespace Gongkai.Web.Infrastructure;

/// <summary>On an empty database every page leads to the setup page. Once set up, the check costs nothing.</summary>
public sealed class SetupRedirectMiddleware(RequestDelegate next, SetupState state)
{
    public async Task InvokeAsync(HttpContext ctx, PlatformSetupService setup)
    {
        if (!state.IsSetUp)
        {
            var path = ctx.Request.Path;
            var exempt = path.StartsWithSegments("/setup") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
                || path.StartsWithSegments("/error") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/api")
                || path.StartsWithSegments("/favicon.ico");
            if (await setup.IsSetUpAsync(ctx.RequestAborted))
            {
                state.IsSetUp = true;
            }
            else if (!exempt)
            {
                ctx.Response.Redirect("/setup");
                return;
            }
        }
        await next(ctx);
    }
}

/// <summary>Set-up only ever goes from false to true, so remembering "true" per node is safe with several nodes.</summary>
public sealed class SetupState
{
    private volatile bool _isSetUp;

    public bool IsSetUp
    {
        get => _isSetUp;
        set => _isSetUp = value;
    }
}
