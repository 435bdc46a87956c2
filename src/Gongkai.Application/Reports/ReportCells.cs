using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports;

/// <summary>What staff changed on a draft: cells by their key (<see cref="ReportCells.Key"/>) and the texts 一, 五, 六.</summary>
public sealed record ReportEdits(IReadOnlyDictionary<string, string?> Cells, IReadOnlyDictionary<string, string?> Texts)
{
    public static ReportEdits None { get; } = new(new Dictionary<string, string?>(), new Dictionary<string, string?>());
}

/// <summary>
/// The editable cells of a report, each under one key: the finding path joined by "|" (<c>二|第二十条第（五）项|行政许可|本年处理决定数量</c>,
/// <c>三(七)|总计</c>, <c>四|行政复议|总计</c>), so a page shows a finding on the cell it names. Values are parsed here: an empty
/// value is unknown (null); a count must be a whole number ≥ 0 (本年增/减 may be negative), an amount a number ≥ 0 —
/// otherwise the save is refused with the cell named, and nothing is saved.
/// </summary>
public static class ReportCells
{
    public const char Separator = '|';

    public static string Key(IEnumerable<string> path) => string.Join(Separator, path);

    public static string Section2Key(string table, string row, string column) => Key(["二", table, row, column]);

    public static string ApplicationKey(string row, int column) => Key([row, ApplicantColumns.Labels[column]]);

    public static string ReviewKey(int index) => Key(ReviewLitigationColumns.Cell(index));

    /// <summary>Applies <paramref name="edits"/> to <paramref name="report"/>, or throws with every refused cell named.</summary>
    public static void Apply(AnnualReport report, ReportEdits edits)
    {
        var errors = new ValidationErrors();
        foreach (var (key, raw) in edits.Cells)
        {
            var message = ApplyCell(report, key, raw?.Trim());
            if (message is not null)
            {
                errors.Add(key, message);
            }
        }
        foreach (var (key, text) in edits.Texts)
        {
            if (!ReportText.Keys.Contains(key))
            {
                errors.Add(key, $"年度报告没有“{key}”这一部分文字，可编辑的是一、五、六。");
                continue;
            }
            if (text is { Length: > MaxTextLength })
            {
                errors.Add(key, $"第{key}部分不能超过 {MaxTextLength} 字。");
                continue;
            }
            report.Text[key] = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        errors.ThrowIfAny();
    }

    public const int MaxTextLength = 20_000;

    private static string? ApplyCell(AnnualReport report, string key, string? raw)
    {
        var path = key.Split(Separator);
        var value = string.IsNullOrEmpty(raw) ? null : raw;
        switch (path)
        {
            case ["二", var table, var row, var column] when report.Section2.Contains(table, row, column):
                var kind = report.Template.Section2Table(table)!.Column(column)!.Kind;
                var label = $"{table} {row}“{column}”";
                if (value is null)
                {
                    report.Section2[table, row, column] = null;
                    return null;
                }
                if (kind == Section2ValueKind.AmountWanYuan)
                {
                    if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                    {
                        return $"{label}应为不小于 0 的金额（万元），不能是“{value}”。";
                    }
                    report.Section2[table, row, column] = amount;
                    return null;
                }
                if (ParseCount(value, kind == Section2ValueKind.SignedCount, label, out var count) is { } refusal)
                {
                    return refusal;
                }
                report.Section2[table, row, column] = count;
                return null;
            case [var row, var column] when report.Applications.ContainsKey(row) && ApplicantColumns.Labels.Contains(column):
                return SetInt(value, $"第三部分“{report.Template.ApplicationRow(row)!.FullLabel}”{column}", v => report.Applications[row][IndexOf(ApplicantColumns.Labels, column)] = v);
            case ["四", var block, var result] when report.ReviewLitigation.Length > 0 && ReviewLitigationColumns.Blocks.Contains(block) && ReviewLitigationColumns.Results.Contains(result):
                var index = ReviewLitigationColumns.BlockStart(IndexOf(ReviewLitigationColumns.Blocks, block)) + IndexOf(ReviewLitigationColumns.Results, result);
                return SetInt(value, $"第四部分“{block} {result}”", v => report.ReviewLitigation[index] = v);
            default:
                return $"该年度报告（{report.Template.Code} 格式）没有“{key.Replace(Separator, ' ')}”这一栏。";
        }
    }

    private static string? SetInt(string? value, string label, Action<int?> set)
    {
        if (value is null)
        {
            set(null);
            return null;
        }
        if (ParseCount(value, signed: false, label, out var count) is { } refusal)
        {
            return refusal;
        }
        set((int)count);
        return null;
    }

    private static string? ParseCount(string value, bool signed, string label, out decimal count)
    {
        count = 0;
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) || whole is > int.MaxValue or < int.MinValue)
        {
            return $"{label}应为整数，不能是“{value}”。";
        }
        if (!signed && whole < 0)
        {
            return $"{label}不能为负数（“{value}”）。";
        }
        count = whole;
        return null;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
