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
    /// <summary>Exit code: done.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a command that ran and refused its input (a bad date, a weak password, a taken code …).</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for bad arguments (unknown command, missing or malformed option): the command did not run.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the database cannot be reached, does not exist, or has no schema yet.</summary>
    public const int DatabaseUnavailable = 3;

    /// <summary><c>audit verify</c> ran and found the audit log's hash chain broken.</summary>
    public const int AuditChainBroken = 4;

    /// <summary>The exit codes as <c>--help</c> and the README state them.</summary>
    public const string ExitCodes = "退出码：0 成功；1 输入有误（命令已运行，但拒绝了输入）；2 用法错误（命令或参数不对，命令未运行）；3 数据库无法连接、不存在或尚未初始化；4 审计日志校验发现断点（audit verify）。";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        // Operators read Chinese: System.CommandLine's zh-Hans texts where they exist, CliMessages for the rest.
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
                    await stderr.WriteLineAsync($"参数错误：{CliMessages.ParseError(error.Message)}");
                }
                await stderr.WriteLineAsync("运行 gongkai --help（或在子命令后加 --help）查看用法。");
                return UsageError;
            }
            // Help (and the version) are written by System.CommandLine to this writer; commands write to stdout directly.
            using var help = new StringWriter();
            var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = help, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
            if (help.GetStringBuilder().Length > 0)
            {
                await stdout.WriteAsync(CliMessages.Help(help.ToString()));
            }
            return exit;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    internal static RootCommand BuildRoot(CliContext cli)
    {
        var root = new RootCommand("政府信息公开平台（Gongkai）命令行工具：初始化数据库、创建管理员、载入演示数据、生成基准测试数据、查询工作日历。\n" + ExitCodes);
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                System.CommandLine.Help.HelpOption => "显示帮助和用法",
                VersionOption => "显示版本信息",
                _ => option.Description,
            };
        }
        root.Options.Add(cli.Connection);
        // One file per command group under Commands/.
        root.Subcommands.Add(DbCommands.Build(cli));
        root.Subcommands.Add(AdminCommands.Build(cli));
        root.Subcommands.Add(SetupCommand.Build(cli));
        root.Subcommands.Add(DemoCommands.Build(cli));
        root.Subcommands.Add(BenchCommands.Build(cli));
        root.Subcommands.Add(CalendarCommands.Build(cli));
        root.Subcommands.Add(AuditCommands.Build(cli));
        root.Subcommands.Add(ReportCommands.Build(cli));
        return root;
    }
}
