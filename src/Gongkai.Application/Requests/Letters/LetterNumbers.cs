using System.Globalization;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Letters;

/// <summary>
/// Letter numbers (发文字号, GB/T 9704 7.2.4): 机关代字〔年份〕序号号, e.g. <c>示政公开〔2026〕12号</c>, one sequence per agency and
/// year. The next number is the highest one issued plus one; the unique index on (AgencyId, Year, Seq) rejects a number a
/// concurrent request took first, and <see cref="CaseLetters"/> then composes the letter again with the next one.
/// </summary>
public static class LetterNumbers
{
    private static readonly string[] RegionEnds = ["自治县", "自治州", "特别行政区", "新区", "县", "市", "区", "旗", "省", "镇", "乡", "街道"];

    public static string Format(string prefix, int year, int seq) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{seq}号");

    /// <summary>
    /// The configured 机关代字, or one derived from the name: the first character of the place and of the body, then 公开
    /// (示例县人民政府 → 示政公开, 示例县教育局 → 示教公开).
    /// </summary>
    public static string PrefixOf(Agency agency)
    {
        if (!string.IsNullOrWhiteSpace(agency.LetterPrefix))
        {
            return agency.LetterPrefix.Trim();
        }
        var name = agency.Name.Trim();
        if (name.Length == 0)
        {
            return "政公开";
        }
        var rest = name;
        foreach (var end in RegionEnds)
        {
            var at = name.IndexOf(end, StringComparison.Ordinal);
            if (at > 0 && at + end.Length < name.Length)
            {
                rest = name[(at + end.Length)..];
                break;
            }
        }
        var body = rest.StartsWith("人民政府", StringComparison.Ordinal) ? "政" : rest == name ? "" : rest[..1];
        return $"{name[0]}{body}公开";
    }

    /// <summary>The highest sequence number issued by the agency in the year, plus one.</summary>
    public static async Task<int> NextAsync(GongkaiDbContext db, int agencyId, int year, CancellationToken ct) =>
        (await db.IssuedLetters.Where(l => l.AgencyId == agencyId && l.Year == year).MaxAsync(l => (int?)l.Seq, ct) ?? 0) + 1;

    /// <summary>A 机关代字 as entered on the agencies page: trimmed, at most 20 characters, no brackets of its own.</summary>
    public static string? CleanPrefix(string? prefix)
    {
        var value = prefix?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > 20 || value.IndexOfAny(['〔', '〕', '[', ']', '号']) >= 0)
        {
            throw new ValidationException("LetterPrefix", "文号的机关代字不超过20个字，且不含括号或“号”字（例如：示政公开）。");
        }
        return value;
    }

    public static string? CleanReviewBody(string? body)
    {
        var value = body?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > 300)
        {
            throw new ValidationException("ReviewBody", "行政复议机关名称不超过300个字。");
        }
        return value;
    }
}
