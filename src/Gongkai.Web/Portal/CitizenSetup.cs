using Gongkai.Application.Platform;
using Gongkai.Web.Limits;

namespace Gongkai.Web.Portal;

/// <summary>Services of the citizen's way in (我要申请): the limit on accepted online applications per client address.</summary>
public static class CitizenSetup
{
    public static IServiceCollection AddGongkaiCitizen(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = Math.Max(1, configuration.GetValue("Limits:ApplicationsPerWindow", AcceptedSubmissionLimiter.DefaultPermitLimit));
        var window = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Limits:ApplicationWindowMinutes", 10)));
        services.AddSingleton(sp => new AcceptedSubmissionLimiter(sp.GetRequiredService<PlatformClock>(), limit, window));
        return services;
    }
}
