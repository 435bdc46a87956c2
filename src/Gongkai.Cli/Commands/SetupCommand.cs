using System.CommandLine;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai setup</c>: first-run setup, the same use case as the web page /setup.</summary>
internal static class SetupCommand
{
    public static Command Build(CliContext cli)
    {
        var platformName = new Option<string>("--platform-name") { Description = "平台名称", DefaultValueFactory = _ => "政府信息公开平台" };
        var agencyCode = new Option<string>("--agency-code") { Description = "顶级单位编码（如组织机构代码），用于索引号和网址", Required = true };
        var agencyName = new Option<string>("--agency-name") { Description = "顶级单位名称，如“某某县人民政府”", Required = true };
        var agencyKind = new Option<AgencyKind>("--agency-kind")
        {
            Description = "顶级单位类型：" + string.Join("；", PlatformSetupService.TopLevelKinds.Select(k => $"{k.Kind}（{k.Label}）")),
            HelpName = string.Join("|", PlatformSetupService.TopLevelKinds.Select(k => k.Kind)),
            DefaultValueFactory = _ => AgencyKind.Government,
        };
        var adminUser = new Option<string>("--admin-user") { Description = "第一位管理员的用户名", Required = true };
        var adminPassword = new Option<string>("--admin-password") { Description = "管理员密码（至少10位，含大小写字母和数字）", Required = true };
        var adminName = new Option<string?>("--admin-name") { Description = "管理员显示名称" };
        var indexFormat = new Option<string?>("--index-format") { Description = $"索引号格式，默认 {IndexNumberFormat.Default}" };
        var setup = new Command("setup", "首次初始化：平台名称、顶级单位和第一位管理员（只能在空库上运行一次）")
        {
            platformName, agencyCode, agencyName, agencyKind, adminUser, adminPassword, adminName, indexFormat,
        };
        setup.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            await CliContext.EnsureDatabaseAsync(sp, ct);
            var service = sp.GetRequiredService<PlatformSetupService>();
            var agency = await service.SetUpAsync(new SetupInput(
                parse.GetRequiredValue(platformName), parse.GetRequiredValue(agencyCode), parse.GetRequiredValue(agencyName), parse.GetValue(agencyKind),
                parse.GetRequiredValue(adminUser), parse.GetValue(adminName) ?? "", parse.GetRequiredValue(adminPassword), parse.GetValue(indexFormat)), ct);
            await cli.Out.WriteLineAsync($"初始化完成：{agency.Name}（{agency.Code}），管理员 {parse.GetRequiredValue(adminUser)}。");
            return 0;
        }, ct));
        return setup;
    }
}
