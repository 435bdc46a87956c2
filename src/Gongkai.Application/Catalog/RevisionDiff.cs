using AngleSharp.Html.Parser;
using Gongkai.Domain.Catalog;

namespace Gongkai.Application.Catalog;

/// <summary>One field that differs between two revisions, as the reviewer reads it.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>One paragraph of body text in a comparison: kept, removed (only before) or added (only after).</summary>
public sealed record BodyLine(char Mark, string Text);

/// <summary>
/// What changed between the revision a reviewer read and the current one: title and metadata field by field, the body as
/// text paragraph by paragraph. Shown when an approval is refused as stale, so the reviewer knows what to read again.
/// </summary>
public sealed record RevisionDiff(int FromVersion, int ToVersion, IReadOnlyList<FieldChange> Fields, IReadOnlyList<BodyLine> Body)
{
    public bool BodyChanged => Body.Any(l => l.Mark != ' ');
    public bool IsEmpty => Fields.Count == 0 && !BodyChanged;

    public static RevisionDiff Between(int fromVersion, ItemSnapshot before, int toVersion, ItemSnapshot after, Func<int, string> columnName)
    {
        var fields = new List<FieldChange>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                fields.Add(new FieldChange(field, a ?? "", b ?? ""));
            }
        }
        Compare("标题", before.Title, after.Title);
        Compare("栏目", columnName(before.ColumnId), columnName(after.ColumnId));
        Compare("发布机构", before.PublishingOrg, after.PublishingOrg);
        Compare("文号", before.DocNo, after.DocNo);
        Compare("成文日期", Date(before.WrittenOn), Date(after.WrittenOn));
        Compare("形成/变更日期", Date(before.FormedOn), Date(after.FormedOn));
        Compare("发布日期", Date(before.PublishedOn), Date(after.PublishedOn));
        Compare("主题分类", before.TopicCategory, after.TopicCategory);
        Compare("公开属性", before.DisclosureMode.Label(), after.DisclosureMode.Label());
        Compare("不予公开理由", before.WithholdingReason.Label(), after.WithholdingReason.Label());
        Compare("公开范围", before.DisclosureScope, after.DisclosureScope);
        Compare("内容概述", before.Summary, after.Summary);
        Compare("文件类型", before.DocumentKind.Label(), after.DocumentKind.Label());
        Compare("有效性", before.Validity.Label(), after.Validity.Label());
        Compare("施行日期", Date(before.EffectiveOn), Date(after.EffectiveOn));
        Compare("失效/废止日期", Date(before.InvalidatedOn), Date(after.InvalidatedOn));
        Compare("解读形式", before.InterpretationForm.Label(), after.InterpretationForm.Label());
        Compare("替代文件", before.ReplacedById?.ToString(System.Globalization.CultureInfo.InvariantCulture), after.ReplacedById?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("被解读文件", before.InterpretsId?.ToString(System.Globalization.CultureInfo.InvariantCulture), after.InterpretsId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new RevisionDiff(fromVersion, toVersion, fields, Lines(Paragraphs(before.BodyHtml), Paragraphs(after.BodyHtml)));
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The body's text, one entry per block (tags dropped: the reviewer compares what readers read).</summary>
    private static List<string> Paragraphs(string html)
    {
        var fragment = new HtmlParser().ParseFragment($"<div>{html}</div>", null!);
        var text = string.Join("\n", fragment.Select(n => n is AngleSharp.Dom.IElement e ? BlockText(e) : n.TextContent));
        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    private static string BlockText(AngleSharp.Dom.IElement e)
    {
        foreach (var br in e.QuerySelectorAll("br").ToList())
        {
            br.Replace(e.Owner!.CreateTextNode("\n"));
        }
        foreach (var block in e.QuerySelectorAll("p, div, li, h1, h2, h3, h4, h5, h6, tr, blockquote, pre").ToList())
        {
            block.Append(e.Owner!.CreateTextNode("\n"));
        }
        return e.TextContent;
    }

    /// <summary>Largest middle part aligned paragraph by paragraph; beyond it the middle is shown as removed, then added.</summary>
    private const int MaxAlignedCells = 250_000;

    /// <summary>
    /// Common opening and closing paragraphs kept, the middle aligned by longest common subsequence (bounded: a body may be
    /// a megabyte, and the table is quadratic).
    /// </summary>
    private static List<BodyLine> Lines(List<string> a, List<string> b)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }
        var lines = a.Take(head).Select(t => new BodyLine(' ', t)).ToList();
        var midA = a.Skip(head).Take(a.Count - head - tail).ToList();
        var midB = b.Skip(head).Take(b.Count - head - tail).ToList();
        if ((long)midA.Count * midB.Count > MaxAlignedCells)
        {
            lines.AddRange(midA.Select(t => new BodyLine('-', t)));
            lines.AddRange(midB.Select(t => new BodyLine('+', t)));
        }
        else
        {
            lines.AddRange(Align(midA, midB));
        }
        lines.AddRange(a.Skip(a.Count - tail).Select(t => new BodyLine(' ', t)));
        return lines;
    }

    private static List<BodyLine> Align(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }
        var lines = new List<BodyLine>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                lines.Add(new BodyLine(' ', a[x++]));
                y++;
            }
            else if (x == a.Count || (y < b.Count && table[x, y + 1] >= table[x + 1, y]))
            {
                lines.Add(new BodyLine('+', b[y++]));
            }
            else
            {
                lines.Add(new BodyLine('-', a[x++]));
            }
        }
        return lines;
    }
}
