using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Application.Calendar;

/// <summary>
/// Reads a holiday notice as an administrator types it: one line per day or range, then 放假 or 上班, e.g.
/// <c>2027-02-10至2027-02-16 放假</c> or <c>2027-02-07 上班</c> (also "~" or "～" for 至). Blank lines are skipped.
/// Every bad line is reported by its number; nothing is returned unless all lines are good.
/// </summary>
public static class CalendarNoticeText
{
    private const int MaxDays = 366;

    public static IReadOnlyList<(DateOnly Date, CalendarDayKind Kind)> Parse(string? text)
    {
        var days = new List<(DateOnly, CalendarDayKind)>();
        var errors = new List<string>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.Split((char[])[' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
            CalendarDayKind? kind = parts.Length == 2 ? parts[1] switch { "放假" => CalendarDayKind.Rest, "上班" => CalendarDayKind.Workday, _ => null } : null;
            var range = parts.Length == 2 ? parts[0].Split((char[])['至', '~', '～']) : [];
            if (kind is null || range.Length is not (1 or 2) || !TryDate(range[0], out var from) || !TryDate(range[^1], out var to) || to < from)
            {
                errors.Add($"第{n + 1}行“{line}”无法识别：应为“2027-02-10 放假”或“2027-02-10至2027-02-16 放假”，类型为放假或上班。");
                continue;
            }
            for (var d = from; d <= to && days.Count <= MaxDays; d = d.AddDays(1))
            {
                days.Add((d, kind.Value));
            }
        }
        if (errors.Count == 0 && days.Count == 0)
        {
            errors.Add("请至少填写一行日期。");
        }
        if (days.Count > MaxDays)
        {
            errors.Add($"一次最多录入{MaxDays}天。");
        }
        var repeated = days.GroupBy(d => d.Item1).Where(g => g.Count() > 1).Select(g => g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        if (repeated.Count > 0)
        {
            errors.Add($"日期重复：{string.Join("、", repeated)}。");
        }
        if (errors.Count > 0)
        {
            throw new ValidationException("Notice", string.Join(" ", errors));
        }
        return days;
    }

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
