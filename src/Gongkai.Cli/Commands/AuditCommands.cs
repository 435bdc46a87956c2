using System.CommandLine;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai audit verify</c>: recomputes the audit log's hash chain and names its first broken link.</summary>
internal static class AuditCommands
{
    /// <summary>Exit code when the chain is broken: the command ran, and what it found is bad news.</summary>
    public const int ChainBroken = CliApp.AuditChainBroken;

    public static Command Build(CliContext cli)
    {
        var audit = new Command("audit", "审计日志");
        var verify = new Command("verify", $"校验审计日志的哈希链：完整时退出码 0，发现断点时输出第一个断点并以退出码 {ChainBroken} 结束");
        verify.SetAction((parse, ct) => cli.RunAsync(parse, async (sp, ct) =>
        {
            var report = await AuditChainVerifier.VerifyAsync(sp.GetRequiredService<GongkaiDbContext>(), ct);
            if (report.IsIntact)
            {
                await cli.Out.WriteLineAsync($"审计日志完整：共 {report.Checked} 条记录，链头哈希 {report.HeadHash}（请另行保存，以便日后比对）。");
                return 0;
            }
            await cli.Out.WriteLineAsync($"审计日志在第 {report.BrokenAtSeq} 条处断开{(report.BrokenEntryId is { } id ? $"（记录 ID {id}）" : "")}：{report.Problem}");
            await cli.Out.WriteLineAsync($"断点之前的 {report.Checked} 条记录完整。");
            return ChainBroken;
        }, ct));
        audit.Subcommands.Add(verify);
        return audit;
    }
}
