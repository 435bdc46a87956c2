using System.CommandLine;
using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai db …</c>: the schema.</summary>
internal static class DbCommands
{
    public static Command Build(CliContext cli)
    {
        var db = new Command("db", "数据库");
        var init = new Command("init", "创建数据库结构和角色（已存在时不做改动）");
        init.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            await CliContext.EnsureDatabaseAsync(sp, ct);
            var context = sp.GetRequiredService<GongkaiDbContext>();
            var agencies = await context.Agencies.CountAsync(ct);
            var items = await context.Items.CountAsync(ct);
            await cli.Out.WriteLineAsync($"数据库已就绪（{CliContext.Describe(cli.ConnectionString(parse))}）：{agencies} 个单位，{items} 条信息。");
            return 0;
        }, ct));
        db.Subcommands.Add(init);
        return db;
    }
}
