using System.CommandLine;
using Gongkai.Cli.Bench;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai bench …</c>: large generated data sets for load tests.</summary>
internal static class BenchCommands
{
    public static Command Build(CliContext cli)
    {
        var bench = new Command("bench", "基准测试数据");
        var agencies = new Option<int>("--agencies") { Description = "单位总数（1个市级平台 → 若干县 → 部门和乡镇）", Required = true };
        var items = new Option<int>("--items") { Description = "已发布信息条数", Required = true };
        var seed = new Option<int>("--seed") { Description = "随机种子", DefaultValueFactory = _ => 42 };
        var force = new Option<bool>("--force") { Description = "数据库已有信息时仍然追加" };
        var seedCommand = new Command("seed", "快速生成大规模基准测试数据（PostgreSQL 用二进制 COPY，SQLite 用单事务预编译插入）") { agencies, items, seed, force };
        seedCommand.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            var n = parse.GetValue(agencies);
            var m = parse.GetValue(items);
            if (n is < 2 or > 100_000)
            {
                throw new CliException("--agencies 应在 2 到 100000 之间。");
            }
            if (m is < 0 or > 50_000_000)
            {
                throw new CliException("--items 应在 0 到 50000000 之间。");
            }
            await CliContext.EnsureDatabaseAsync(sp, ct);
            var seeder = ActivatorUtilities.CreateInstance<BenchSeeder>(sp, cli.Out);
            await seeder.SeedAsync(new BenchOptions(n, m, parse.GetValue(seed), parse.GetValue(force)), ct);
            return 0;
        }, ct));
        bench.Subcommands.Add(seedCommand);
        bench.Subcommands.Add(BuildSeedRequests(cli, seed));
        return bench;
    }

    /// <summary><c>gongkai bench seed-requests --agencies 500 --cases 1000000</c>: cases for the deadline dashboard benchmark.</summary>
    private static Command BuildSeedRequests(CliContext cli, Option<int> seed)
    {
        var agencies = new Option<int>("--agencies") { Description = "单位总数（1个市级平台 → 若干县 → 部门和乡镇）", Required = true };
        var cases = new Option<int>("--cases") { Description = "政府信息公开申请件数", Required = true };
        var force = new Option<bool>("--force") { Description = "数据库已有申请时仍然追加" };
        var command = new Command("seed-requests", "快速生成政府信息公开申请（期限预警基准测试；PostgreSQL 用二进制 COPY，SQLite 用单事务预编译插入）") { agencies, cases, seed, force };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            var n = parse.GetValue(agencies);
            var m = parse.GetValue(cases);
            if (n is < 2 or > 100_000)
            {
                throw new CliException("--agencies 应在 2 到 100000 之间。");
            }
            if (m is < 0 or > 50_000_000)
            {
                throw new CliException("--cases 应在 0 到 50000000 之间。");
            }
            await CliContext.EnsureDatabaseAsync(sp, ct);
            var agencySeeder = ActivatorUtilities.CreateInstance<BenchSeeder>(sp, cli.Out);
            var seeder = ActivatorUtilities.CreateInstance<RequestSeeder>(sp, agencySeeder, cli.Out);
            await seeder.SeedAsync(new RequestBenchOptions(n, m, parse.GetValue(seed), parse.GetValue(force)), ct);
            return 0;
        }, ct));
        return command;
    }
}
