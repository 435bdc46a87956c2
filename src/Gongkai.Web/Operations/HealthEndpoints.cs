using Gongkai.Application.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gongkai.Web.Operations;

/// <summary>
/// <c>/healthz</c>: the process answers (no database, for a liveness probe). <c>/readyz</c>: the database is reachable and
/// every migration is applied (for a load balancer: a node on an old or unreachable database gets no traffic); 503 with a
/// one-line reason otherwise. Both sit before routing, so they are anonymous, never output-cached, never redirected to
/// /setup, and not in the OpenAPI document.
/// </summary>
internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static void AddGongkaiHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));

    public static void UseGongkaiHealth(this WebApplication app)
    {
        app.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).ToList();
        return ctx.Response.WriteAsync(report.Status == HealthStatus.Healthy ? "ok" : "not ready: " + string.Join("; ", reasons));
    }
}

/// <summary>Ready means: the database answers and has no pending migration (a node started on an older schema is not).</summary>
internal sealed class DatabaseReadinessCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("数据库无法连接");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"数据库有 {pending} 个迁移尚未应用");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("数据库无法连接", ex);
        }
    }
}
