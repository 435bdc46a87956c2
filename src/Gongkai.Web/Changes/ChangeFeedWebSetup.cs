using Gongkai.Application.Changes;

namespace Gongkai.Web.Changes;

public static class ChangeFeedWebSetup
{
    /// <summary>The web host follows the change feed: its output cache evicts what changed, on every node.</summary>
    public static void AddGongkaiChangeFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddChangeFeedPolling(builder.Configuration);
        builder.Services.AddChangeConsumer<PortalCacheEviction>();
    }
}
