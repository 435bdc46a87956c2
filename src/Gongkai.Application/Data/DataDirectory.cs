using Microsoft.Extensions.Configuration;

namespace Gongkai.Application.Data;

/// <summary>
/// Where the platform keeps its SQLite file when no connection string is given, decided once for the web host and the
/// CLI so both open the same database: <c>Gongkai:DataDirectory</c> (setting, or <c>Gongkai__DataDirectory</c>), else the
/// environment variable <c>GONGKAI_DATA_DIR</c>, else <c>data/</c> in the repository root when run from a checkout
/// (the nearest directory above the current one holding <c>Gongkai.slnx</c>), else <c>data/</c> in the current directory.
/// </summary>
/// <remarks>
/// The checkout rule exists because <c>dotnet run --project src/Gongkai.Web</c> and <c>dotnet run --project src/Gongkai.Cli</c>
/// start in different directories; a relative <c>data/</c> would give each its own database.
/// </remarks>
public static class DataDirectory
{
    public const string SettingKey = "Gongkai:DataDirectory";
    public const string EnvironmentVariable = "GONGKAI_DATA_DIR";
    public const string FileName = "gongkai.db";
    private const string CheckoutMarker = "Gongkai.slnx";

    /// <summary>The data directory as an absolute path (not created).</summary>
    public static string Resolve(IConfiguration? configuration = null, string? currentDirectory = null)
    {
        var start = Path.GetFullPath(currentDirectory ?? Directory.GetCurrentDirectory());
        var configured = configuration?[SettingKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured.Trim(), start);
        }
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, CheckoutMarker)))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }
        return Path.Combine(start, "data");
    }

    /// <summary>
    /// The SQLite connection string for <c>gongkai.db</c> in the data directory; <paramref name="createDirectory"/> creates
    /// the directory (hosts that may create the database do, read-only commands do not).
    /// </summary>
    public static string DefaultConnectionString(IConfiguration? configuration = null, string? currentDirectory = null, bool createDirectory = false)
    {
        var directory = Resolve(configuration, currentDirectory);
        if (createDirectory)
        {
            Directory.CreateDirectory(directory);
        }
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, FileName) }.ConnectionString;
    }

    /// <summary>
    /// <c>ConnectionStrings:Gongkai</c> when set (used as given: a path into a missing directory is an error when opened,
    /// never a new directory), else <see cref="DefaultConnectionString"/>.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, bool createDirectory = false) =>
        configuration.GetConnectionString("Gongkai") is { Length: > 0 } cs && !string.IsNullOrWhiteSpace(cs)
            ? cs
            : DefaultConnectionString(configuration, createDirectory: createDirectory);
}
