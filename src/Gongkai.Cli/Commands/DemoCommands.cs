using System.CommandLine;
using Gongkai.Application.Demo;
using Gongkai.Application.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai demo …</c>: the generated 示例县.</summary>
internal static class DemoCommands
{
    public static Command Build(CliContext cli)
    {
        var demo = new Command("demo", "演示数据");
        var seed = new Option<int>("--seed") { Description = "随机种子（同一种子生成相同数据）", DefaultValueFactory = _ => 20260101 };
        var perAgency = new Option<int>("--items-per-agency") { Description = "每个单位的信息条数", DefaultValueFactory = _ => 80 };
        var load = new Command("load", "在空平台上载入演示数据“示例县”（明确标注为演示数据）") { seed, perAgency };
        load.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            await CliContext.EnsureDatabaseAsync(sp, ct);
            if (await sp.GetRequiredService<PlatformSetupService>().IsSetUpAsync(ct))
            {
                throw new CliException("平台已初始化，演示数据只能载入到空平台。请换一个空数据库（--connection）。");
            }
            var n = parse.GetValue(perAgency);
            if (n is < 1 or > 10_000)
            {
                throw new CliException("--items-per-agency 应在 1 到 10000 之间。");
            }
            var result = await sp.GetRequiredService<DemoCounty>().LoadAsync(n, parse.GetValue(seed), ct);
            await cli.Out.WriteLineAsync($"已载入演示数据“示例县”：{result.Agencies} 个单位，{result.Columns} 个栏目，{result.Items} 条信息，{result.Requests} 件政府信息公开申请，{result.Reports} 份年度报告，用时 {result.Elapsed.TotalSeconds:0.0} 秒。");
            await cli.Out.WriteLineAsync($"演示账号：{string.Join("、", result.StaffUserNames)}，密码均为 {result.AdminPassword}（仅用于演示）。");
            return 0;
        }, ct));
        demo.Subcommands.Add(load);
        return demo;
    }
}
