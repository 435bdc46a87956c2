using System.Text.Json;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>axe-core (installed by test.sh from tests/Gongkai.Tests/axe) run inside the page.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxePath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Gongkai.Tests", "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("axe.min.js not found: run `npm ci` in tests/Gongkai.Tests/axe (test.sh does).");
    });

    /// <summary>Fails with a readable list when the page has serious or critical violations.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxePath.Value });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
            }
            """);
        var serious = json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core found serious/critical violations on {page.Url}:\n{string.Join('\n', serious)}");
    }
}
