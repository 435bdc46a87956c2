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
}
