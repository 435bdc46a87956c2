using System.Runtime.CompilerServices;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The expected generated reports, committed next to the tests and compared as exact text. GONGKAI_UPDATE_GOLDEN=1
/// rewrites them after a deliberate change; review the diff before committing.
/// </summary>
internal static class GoldenReports
{
    public static string PathOf(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", name);

    public static void AssertMatches(string name, string actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run with GONGKAI_UPDATE_GOLDEN=1 to write it, then review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
