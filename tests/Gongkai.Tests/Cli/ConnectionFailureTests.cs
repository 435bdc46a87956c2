extern alias cli;

using System.Net;
using System.Net.Sockets;
using cli::Gongkai.Cli;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Cli;

/// <summary>An unreachable database is an operator's problem to fix, reported in Chinese, never as a stack trace.</summary>
public sealed class ConnectionFailureTests
{
    private static readonly string[][] Commands =
    [
        ["db", "init"],
        ["setup", "--agency-code", "000014349", "--agency-name", "示例县人民政府", "--admin-user", "admin", "--admin-password", GongkaiCli.AdminPassword],
        ["admin", "create", "--user", "ops", "--password", "Ops1234567x"],
        ["demo", "load"],
        ["bench", "seed", "--agencies", "5", "--items", "10"],
    ];

    [Theory, BothDatabases]
    public async Task EveryCommand_OnUnreachableDatabase_FailsWithChineseMessageAndNoStackTrace(DatabaseProvider provider)
    {
        // PostgreSQL: a loopback port nobody listens on. SQLite: a file whose directory cannot be created (a file is in the way).
        var blocker = Path.GetTempFileName();
        var cs = provider == DatabaseProvider.Postgres
            ? $"Host=127.0.0.1;Port={ClosedPort()};Username=gongkai;Password=secret-pw;Database=gongkai;Timeout=5;Pooling=false"
            : $"Data Source={Path.Combine(blocker, "data", "gongkai.db")}";

        foreach (var args in Commands)
        {
            var result = await GongkaiCli.RunOnAsync(cs, args);

            Assert.True(result.ExitCode == CliApp.DatabaseUnavailable, $"{string.Join(' ', args)}: {result}");
            Assert.Contains("错误：无法连接数据库（", result.Error, StringComparison.Ordinal);
            Assert.Contains("请检查 --connection 参数或环境变量 ConnectionStrings__Gongkai。", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-pw", result.Error, StringComparison.Ordinal);
            Assert.Empty(result.Out);
        }
        File.Delete(blocker);
    }

    /// <summary>A loopback port nobody listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
