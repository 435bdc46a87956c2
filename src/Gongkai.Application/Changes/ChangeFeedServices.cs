using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Application.Changes;

public static class ChangeFeedServices
{
    /// <summary>Writing the feed: every host that changes public content (web, CLI) needs this.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.TryAddScoped<ChangeFeed>();
        services.TryAddScoped<ChangeFeedReader>();
        return services;
    }

    /// <summary>Following the feed: the poller that feeds the registered consumers. Long-running hosts only.</summary>
    public static IServiceCollection AddChangeFeedPolling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChangeFeed();
        services.TryAddSingleton(ChangeFeedOptions.FromConfiguration(configuration));
        services.AddHostedService<ChangeFeedPoller>();
        return services;
    }

    /// <summary>Adds a consumer: one class implementing <see cref="IChangeConsumer"/> and this one line.</summary>
    public static IServiceCollection AddChangeConsumer<T>(this IServiceCollection services)
        where T : class, IChangeConsumer
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeConsumer, T>());
        return services;
    }
}
