using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Operations;

public static class BackgroundWorkSetup
{
    /// <summary>Leases and the leased workers (as services; a host runs them with <c>AddHostedService</c>).</summary>
    public static IServiceCollection AddGongkaiBackgroundWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LeaseStore>();
        services.AddSingleton(BackgroundWorkOptions.FromConfiguration(configuration));
        services.AddSingleton<CalendarRecomputeWorker>();
        return services;
    }
}
