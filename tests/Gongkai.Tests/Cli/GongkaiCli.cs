extern alias cli;

using cli::Gongkai.Cli;
using Gongkai.Application.Accounts;
using Gongkai.Application.Data;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Cli;

/// <summary>What an operator sees after one <c>gongkai</c> command: the exit code and both streams.</summary>
public sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs the <c>gongkai</c> command line in-process on a test database, and reads that database back.</summary>
public static class GongkaiCli
{
    public const string AdminPassword = "Admin12345x";

    /// <summary><c>gongkai --connection … args</c> with captured output.</summary>
    public static Task<CliOutcome> RunAsync(TestDatabase database, params string[] args) =>
        RunOnAsync(database.ConnectionString, args);

    public static async Task<CliOutcome> RunOnAsync(string connectionString, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--connection", connectionString], stdout, stderr, TestContext.Current.CancellationToken);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The platform set up the way an operator would on a fresh database.</summary>
    public static Task<CliOutcome> SetUpAsync(TestDatabase database, string code = "000014349", string name = "示例县人民政府") =>
        RunAsync(database, "setup", "--platform-name", "示例县政府信息公开平台", "--agency-code", code, "--agency-name", name,
            "--admin-user", "admin", "--admin-password", AdminPassword);

    /// <summary>Reads the database through the same Application services (and Identity stores) the CLI uses.</summary>
    public static async Task<T> QueryAsync<T>(TestDatabase database, Func<GongkaiDbContext, UserManager<StaffUser>, Task<T>> query)
    {
        await using var services = CliContext.BuildServices(database.ConnectionString);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Gongkai.Application.Agencies.AgencyScope>().ActAsSystem();
        return await query(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    public static Task<T> QueryAsync<T>(TestDatabase database, Func<GongkaiDbContext, Task<T>> query) =>
        QueryAsync(database, (db, _) => query(db));
}
