using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Calendar;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>What every command shares: the writers, the global <c>--connection</c> option, and the service host.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public const string ConnectionEnvironmentVariable = "ConnectionStrings__Gongkai";

    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = $"数据库连接串；未指定时读取环境变量 {ConnectionEnvironmentVariable}，再未设置则使用数据目录中的 SQLite 文件 {DataDirectory.FileName}"
            + $"（数据目录：环境变量 {DataDirectory.EnvironmentVariable} 或 Gongkai__DataDirectory；未设置时为仓库根目录下的 data/，与网站相同）",
        Recursive = true,
    };

    /// <summary>
    /// --connection, else the environment as the web host reads it (connection string, then data directory). Only the
    /// default data directory is ever created, and only by commands that may create the database.
    /// </summary>
    public string ConnectionString(ParseResult parse, bool createDataDirectory = false)
    {
        var fromOption = parse.GetValue(Connection);
        if (!string.IsNullOrWhiteSpace(fromOption))
        {
            return fromOption;
        }
        return DataDirectory.ConnectionString(new ConfigurationBuilder().AddEnvironmentVariables().Build(), createDataDirectory);
    }

    /// <summary>The Application services the web host uses, with Identity's stores (same password rules as the web host).</summary>
    public static ServiceProvider BuildServices(string connectionString)
    {
        // Settings such as DataProtection__CertificatePath come from the environment, as for the web host; the connection
        // string is the one this command was given.
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Gongkai"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddGongkai(configuration, production: IsProduction());
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GongkaiDbContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Like a host: Production unless DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT names another environment.</summary>
    private static bool IsProduction() =>
        (Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production")
            .Equals("Production", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs a command body in its own scope and turns failures into a Chinese message on stderr and a non-zero exit code.
    /// </summary>
    public Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var cs = ConnectionString(parse);
        return GuardAsync(cs, async () =>
        {
            await using var services = BuildServices(ConnectionString(parse, createDataDirectory: true));
            await using var scope = services.CreateAsyncScope();
            // The operator at the console is the platform itself: every agency's records.
            scope.ServiceProvider.GetRequiredService<Gongkai.Application.Agencies.AgencyScope>().ActAsSystem();
            return await body(scope.ServiceProvider, ct);
        });
    }

    /// <summary>
    /// A read-only command: the body gets the connection string and reads without building the services or the EF model,
    /// never creating, migrating or writing the database.
    /// </summary>
    public Task<int> RunReadOnlyAsync(ParseResult parse, Func<string, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var cs = ConnectionString(parse);
        return GuardAsync(cs, () => body(cs, ct));
    }

    private async Task<int> GuardAsync(string cs, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (ValidationException ex)
        {
            foreach (var message in ex.Errors.SelectMany(e => e.Value))
            {
                await Error.WriteLineAsync($"错误：{message}");
            }
            return CliApp.BadInput;
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException or CliException)
        {
            await Error.WriteLineAsync($"错误：{ex.Message}");
            return CliApp.BadInput;
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("已取消。");
            return CliApp.BadInput;
        }
        catch (DatabaseNotFoundException ex)
        {
            await Error.WriteLineAsync($"错误：数据库文件不存在：{ex.Path}");
            await Error.WriteLineAsync($"请检查 --connection 参数或环境变量 {ConnectionEnvironmentVariable}、{DataDirectory.EnvironmentVariable}；新建数据库请运行 gongkai db init。");
            return CliApp.DatabaseUnavailable;
        }
        catch (DatabaseNotInitializedException)
        {
            await Error.WriteLineAsync($"错误：数据库（{Describe(cs)}）尚未初始化，没有平台的数据表。请先运行 gongkai db init，或检查 --connection 是否指向正确的数据库。");
            return CliApp.DatabaseUnavailable;
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            await Error.WriteLineAsync($"错误：无法连接数据库（{Describe(cs)}）：{Innermost(ex).Message}");
            await Error.WriteLineAsync($"请检查 --connection 参数或环境变量 {ConnectionEnvironmentVariable}。");
            return CliApp.DatabaseUnavailable;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or ArgumentException)
        {
            await Error.WriteLineAsync($"错误：数据库操作失败（{Describe(cs)}）：{Innermost(ex).Message}");
            return CliApp.BadInput;
        }
    }

    /// <summary>Ensures the schema and the staff roles exist (idempotent), as the web host does on start.</summary>
    public static async Task EnsureDatabaseAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<GongkaiDbContext>();
        await SchemaInitializer.EnsureSchemaAsync(db, ct);
        await sp.GetRequiredService<PlatformSetupService>().EnsureRolesAsync();
    }

    private static bool IsConnectionFailure(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            // IOException / UnauthorizedAccessException: the SQLite file's directory cannot be created or opened.
            if (e is SocketException or TimeoutException or IOException or UnauthorizedAccessException
                || (e is Npgsql.NpgsqlException npg && npg.SqlState is null)
                || (e is Microsoft.Data.Sqlite.SqliteException sq && sq.SqliteErrorCode is 14 /* SQLITE_CANTOPEN */))
            {
                return true;
            }
        }
        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }
        return ex;
    }

    /// <summary>The connection string without its password, for messages.</summary>
    public static string Describe(string cs)
    {
        if (!DatabaseSetup.IsPostgres(cs))
        {
            return "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
        }
        try
        {
            var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
            return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL";
        }
    }
}

/// <summary>A command refused to run; the message is shown to the operator as is.</summary>
internal sealed class CliException(string message) : Exception(message);
