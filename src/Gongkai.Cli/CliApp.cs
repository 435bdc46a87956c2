using System.CommandLine;
using System.Globalization;
using Gongkai.Cli.Commands;

namespace Gongkai.Cli;

/// <summary>
/// The <c>gongkai</c> command line. Output goes through the given writers, so tests run commands in-process and
/// read what an operator would see.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for bad arguments (the command did not run).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a command that ran and failed (refused input, unreachable database …).</summary>
    public const int Failure = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        // Operators read Chinese: System.CommandLine ships zh-Hans texts for help and parse errors.
        var previousUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var root = BuildRoot(new CliContext(stdout, stderr));
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    await stderr.WriteLineAsync($"参数错误：{error.Message}");
                }
                await stderr.WriteLineAsync("运行 gongkai --help（或在子命令后加 --help）查看用法。");
                return UsageError;
            }
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    internal static RootCommand BuildRoot(CliContext cli)
    {
        var root = new RootCommand("政府信息公开平台（Gongkai）命令行工具：初始化数据库、创建管理员、载入演示数据、生成基准测试数据。");
        root.Options.Add(cli.Connection);
        // One file per command group under Commands/.
        root.Subcommands.Add(DbCommands.Build(cli));
        root.Subcommands.Add(AdminCommands.Build(cli));
        root.Subcommands.Add(SetupCommand.Build(cli));
        root.Subcommands.Add(DemoCommands.Build(cli));
        root.Subcommands.Add(BenchCommands.Build(cli));
        root.Subcommands.Add(CalendarCommands.Build(cli));
        root.Subcommands.Add(AuditCommands.Build(cli));
        return root;
    }
}
