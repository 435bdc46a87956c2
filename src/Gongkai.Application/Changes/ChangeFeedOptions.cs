using Microsoft.Extensions.Configuration;

namespace Gongkai.Application.Changes;

/// <summary>How the web host follows the feed (<c>ChangeFeed:PollMilliseconds</c>, <c>ChangeFeed:BatchSize</c>).</summary>
public sealed class ChangeFeedOptions
{
    /// <summary>
    /// Half a second: a withdrawn item leaves every node's cached pages well within the 2 seconds the platform
    /// promises, for one indexed range query per consumer and poll on an idle feed.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; init; } = 500;

    public static ChangeFeedOptions FromConfiguration(IConfiguration configuration) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(Math.Max(10, configuration.GetValue("ChangeFeed:PollMilliseconds", 500))),
        BatchSize = Math.Max(1, configuration.GetValue("ChangeFeed:BatchSize", 500)),
    };
}
