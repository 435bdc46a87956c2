using System.Text;

namespace Gongkai.Domain.Reports;

/// <summary>
/// Matches the labels of a published report to the template's canonical ones, tolerating what publications do to them:
/// spaces and line breaks inside labels ("规 章", "本年新\n制作数量"), half-width brackets and commas, "1、"/"1．" for
/// "1.", and the wording drift seen in real reports ("2.其他法律法规禁止公开", "结果维护", "本年收费金额（单位：万元，
/// 保留4位小数）"). For reading only: everything generated uses the canonical labels.
/// </summary>
public static class ReportLabels
{
    /// <summary>Printed variants (after <see cref="Normalise"/>) → the canonical wording.</summary>
    private static readonly (string Variant, string Canonical)[] Drift =
    [
        ("其他法律法规禁止公开", "其他法律行政法规禁止公开"),
        ("结果维护", "结果维持"),
        ("（单位：万元，保留4位小数）", "（单位：万元）"),
    ];

    /// <summary>The form two labels are compared in: no white space, full-width brackets and commas, "1." numbering.</summary>
    public static string Normalise(string printed)
    {
        var text = new StringBuilder(printed.Length);
        foreach (var ch in printed)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }
            var previousIsDigit = text.Length > 0 && char.IsAsciiDigit(text[^1]);
            text.Append(ch switch
            {
                '(' => '（',
                ')' => '）',
                ',' => '，',
                ':' => '：',
                ';' => '；',
                '．' => '.',
                '、' when previousIsDigit => '.',
                _ => ch,
            });
        }
        var normal = text.ToString();
        foreach (var (variant, canonical) in Drift)
        {
            normal = normal.Replace(variant, canonical, StringComparison.Ordinal);
        }
        return normal;
    }

    /// <summary>Whether a printed label is the canonical one.</summary>
    public static bool Matches(string printed, string canonical) => Normalise(printed) == Normalise(canonical);

    /// <summary>The key of the section 三 row a printed label names, with or without its group ("（三）不予公开 1.属于国家秘密").</summary>
    public static string? ApplicationRowKey(ReportTemplate template, string printed)
    {
        var normal = Normalise(printed);
        return template.ApplicationRows.FirstOrDefault(r => Normalise(r.Label) == normal || Normalise(r.FullLabel) == normal)?.Key;
    }

    /// <summary>The canonical row of a section 二 table a printed 信息内容 names.</summary>
    public static string? Section2Row(Section2Table table, string printed) =>
        table.Rows.FirstOrDefault(r => Matches(printed, r));

    /// <summary>The canonical column of a section 二 table a printed header names.</summary>
    public static Section2Column? Section2Column(Section2Table table, string printed) =>
        table.Columns.FirstOrDefault(c => Matches(printed, c.Label));

    /// <summary>The canonical section 四 result column (结果维持 …) a printed header names.</summary>
    public static string? ReviewResult(string printed) =>
        ReviewLitigationColumns.Results.FirstOrDefault(r => Matches(printed, r));
}
