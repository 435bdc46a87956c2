extern alias cli;

using cli::Gongkai.Cli;
using Gongkai.Application.Data;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Tests.Cli;

/// <summary>The web host and the CLI find the same SQLite file, whichever project directory they are started from.</summary>
public sealed class DataDirectoryTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Tests run outside the checkout.");
    }

    [Fact]
    public void InACheckout_WebAndCliDirectories_ResolveToTheRepositoryRootsData()
    {
        var root = RepositoryRoot();

        // dotnet run --project src/Gongkai.Web starts the host in its project directory; the CLI wherever the operator is.
        var fromRoot = DataDirectory.Resolve(currentDirectory: root);
        var fromWeb = DataDirectory.Resolve(currentDirectory: Path.Combine(root, "src", "Gongkai.Web"));
        var fromCli = DataDirectory.Resolve(currentDirectory: Path.Combine(root, "src", "Gongkai.Cli"));

        Assert.Equal(Path.Combine(root, "data"), fromRoot);
        Assert.Equal(fromRoot, fromWeb);
        Assert.Equal(fromRoot, fromCli);
        Assert.Equal(DataDirectory.DefaultConnectionString(currentDirectory: Path.Combine(root, "src", "Gongkai.Web")),
            DataDirectory.DefaultConnectionString(currentDirectory: Path.Combine(root, "src", "Gongkai.Cli")));
    }

    [Fact]
    public void OutsideACheckout_ItIsDataInTheCurrentDirectory()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-install-").FullName;

        Assert.Equal(Path.Combine(dir, "data"), DataDirectory.Resolve(currentDirectory: dir));
        Assert.False(Directory.Exists(Path.Combine(dir, "data"))); // resolving creates nothing
        Directory.Delete(dir);
    }

    [Fact]
    public void TheSetting_WinsOverTheCheckout_AndAConnectionStringWinsOverBoth()
    {
        var root = RepositoryRoot();
        var setting = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gongkai:DataDirectory"] = "/srv/gongkai" }).Build();
        var both = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gongkai:DataDirectory"] = "/srv/gongkai",
            ["ConnectionStrings:Gongkai"] = "Host=db;Database=gongkai",
        }).Build();

        Assert.Equal("/srv/gongkai", DataDirectory.Resolve(setting, root));
        Assert.Equal("Data Source=/srv/gongkai/gongkai.db", DataDirectory.ConnectionString(setting).Replace('\\', '/'));
        Assert.Equal("Host=db;Database=gongkai", DataDirectory.ConnectionString(both));
    }

    [Fact]
    public async Task TheCli_WithoutAConnection_UsesGongkaiDataDir_CreatingItOnlyForACommandThatMayCreateTheDatabase()
    {
        var temp = Directory.CreateTempSubdirectory("gongkai-datadir-").FullName;
        var data = Path.Combine(temp, "var", "gongkai");
        var previous = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, data);
        try
        {
            var before = await RunAsync("calendar", "is-workday", "2026-10-08");
            var existedAfterReading = Directory.Exists(data);
            var init = await RunAsync("db", "init");
            var after = await RunAsync("calendar", "is-workday", "2026-10-08");

            Assert.Equal(CliApp.DatabaseUnavailable, before.Exit);
            Assert.False(existedAfterReading);
            Assert.Equal(0, init.Exit);
            Assert.Contains(Path.Combine(data, "gongkai.db"), init.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(data, "gongkai.db")));
            Assert.Equal((0, "true" + Environment.NewLine), after);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, previous);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<(int Exit, string Out)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString());
    }
}
