using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gongkai.Web.Operations;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, EF Core, the .NET runtime), off unless configured:
/// <c>Telemetry:OtlpEndpoint</c> (e.g. <c>http://otel-collector:4317</c>) exports traces and metrics over OTLP;
/// <c>Telemetry:Prometheus=true</c> serves metrics for scraping at <c>/metrics</c>.
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "gongkai";

    private static string? OtlpEndpoint(IConfiguration configuration) =>
        configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } e && !string.IsNullOrWhiteSpace(e) ? e.Trim() : null;

    private static bool Prometheus(IConfiguration configuration) => configuration.GetValue("Telemetry:Prometheus", false);

    public static void AddGongkaiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = OtlpEndpoint(configuration);
        var prometheus = Prometheus(configuration);
        if (otlp is null && !prometheus)
        {
            return;
        }
        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        otel.WithMetrics(m =>
        {
            m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                // EF Core's own meter: queries, SaveChanges, optimistic-concurrency failures.
                .AddMeter("Microsoft.EntityFrameworkCore");
            if (otlp is not null)
            {
                m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            }
            if (prometheus)
            {
                m.AddPrometheusExporter();
            }
        });
        if (otlp is not null)
        {
            // Traces need a collector to go to; Prometheus takes metrics only.
            otel.WithTracing(t => t.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
    }

    public static void UseGongkaiTelemetry(this WebApplication app)
    {
        if (Prometheus(app.Configuration))
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint();
        }
    }
}
