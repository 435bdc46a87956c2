using System.Text;

namespace Gongkai.Tests.Support;

/// <summary>A small line diff (longest common subsequence) for readable assertion messages.</summary>
public static class LineDiff
{
    /// <summary>The lines only in <paramref name="before"/> (-) and only in <paramref name="after"/> (+), with line numbers; at most <paramref name="max"/>.</summary>
    public static string Describe(string before, string after, int max = 80)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var text = new StringBuilder();
        var shown = 0;
        int x = 0, y = 0;
        while ((x < a.Length || y < b.Length) && shown < max)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"+{y + 1,5}: {b[y]}\n");
                y++;
                shown++;
            }
            else
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"-{x + 1,5}: {a[x]}\n");
                x++;
                shown++;
            }
        }
        return shown == max ? text.Append("…\n").ToString() : text.ToString();
    }
}
