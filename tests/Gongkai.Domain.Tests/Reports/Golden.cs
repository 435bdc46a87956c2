using System.Runtime.CompilerServices;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>
/// Golden files next to the test sources, compared as exact text. Set GONGKAI_UPDATE_GOLDEN=1 to rewrite them after a
/// deliberate change, then review the diff before committing.
/// </summary>
internal static class Golden
{
    public static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");

    public static string PathOf(string name) => Path.Combine(Directory(), name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static void AssertMatches(string name, string actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Directory());
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with GONGKAI_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
