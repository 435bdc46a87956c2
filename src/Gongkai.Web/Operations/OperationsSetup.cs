using Gongkai.Application.Operations;

namespace Gongkai.Web.Operations;

/// <summary>What an operator needs from the web host: health probes, telemetry, request ids and the leased background work.</summary>
public static class OperationsSetup
{
    public const string RequestIdHeader = "X-Request-Id";

    public static void AddGongkaiOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddGongkaiHealth();
        builder.Services.AddGongkaiTelemetry(builder.Configuration);
        // Open cases' due dates after a calendar change, on the node holding the lease.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CalendarRecomputeWorker>());
    }

    /// <summary>First in the pipeline: every response, error pages included, carries its request id.</summary>
    public static void UseGongkaiOperations(this WebApplication app)
    {
        // The id ASP.NET Core puts in every log entry's scope (RequestId), so a citizen quoting it from the error page
        // or a client from the header leads to that request's log lines. Set at OnStarting: the exception handler
        // clears headers set earlier.
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                ctx.Response.Headers[RequestIdHeader] = ctx.TraceIdentifier;
                return Task.CompletedTask;
            });
            return next(ctx);
        });
        app.UseGongkaiHealth();
        app.UseGongkaiTelemetry();
    }
}
