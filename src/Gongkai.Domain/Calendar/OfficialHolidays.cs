using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Gongkai.Domain.Calendar;

/// <summary>How a listed date departs from the plain Monday-to-Friday week.</summary>
public enum CalendarDayKind
{
    /// <summary>放假 — not a working day (weekend days inside a holiday period are listed too).</summary>
    Rest = 0,
    /// <summary>调休上班 / 上班 — a working day, even if it falls on a weekend or was listed as rest.</summary>
    Workday = 1,
}

/// <summary>One date from a State Council holiday notice.</summary>
/// <param name="NoticeYear">The year the notice is for (2019's 元旦 period begins 2018-12-30).</param>
/// <param name="Name">The holiday (e.g. 春节) for rest days; 调休上班 for make-up workdays.</param>
/// <param name="SourceDocument">The notice's 文号 (or title where the 文号 was not retrieved).</param>
public sealed record OfficialCalendarDay(LocalDate Date, CalendarDayKind Kind, int NoticeYear, string Name, string SourceDocument);

/// <summary>A local adjustment (e.g. a provincial COVID extension or a regional holiday) with its authority.</summary>
public sealed record CalendarOverride(LocalDate Date, CalendarDayKind Kind, string Source);

/// <summary>
/// The State Council holiday arrangements (国务院办公厅关于部分节假日安排的通知) for 2019–2026, shipped as the embedded
/// data file OfficialHolidays.txt. Working days are what the 条例 counts (第三十条、第三十三条), so a date outside the
/// covered years is refused rather than assumed to be an ordinary week.
/// </summary>
public static class OfficialHolidays
{
    private const string ResourceName = "Gongkai.Domain.Calendar.OfficialHolidays.txt";

    private static readonly Lazy<Data> Shipped = new(Load);

    /// <summary>Every listed date, in date order.</summary>
    public static IReadOnlyList<OfficialCalendarDay> Days => Shipped.Value.Days;

    /// <summary>The years with a notice in the data: exactly these years can be answered.</summary>
    public static YearRange CoveredYears => Shipped.Value.Covered;

    /// <summary>Content version of the shipped data, e.g. "cn-2019-2026-3fa2c1d09b7e" (SHA-256 of the parsed entries).</summary>
    public static string DataVersion => Shipped.Value.Version;

    /// <summary>The calendar built from the shipped data alone.</summary>
    public static WorkingDayCalendar Calendar => Shipped.Value.Calendar;

    /// <summary>The notices (文号) a year's arrangement rests on, e.g. 2019 → 国办发明电〔2018〕15号 and 〔2019〕3号.</summary>
    public static IReadOnlyList<string> SourceDocumentsFor(int year) =>
        [.. Days.Where(d => d.NoticeYear == year).Select(d => d.SourceDocument).Distinct()];

    /// <summary>
    /// The shipped data with local adjustments laid over it: an override replaces whatever the notice says for its date.
    /// The version names both, so a stored deadline says which local rules it used.
    /// </summary>
    public static WorkingDayCalendar BuildCalendar(IEnumerable<CalendarOverride> overrides)
    {
        List<CalendarOverride> local = [.. overrides.OrderBy(o => o.Date)];
        if (local.Count == 0)
        {
            return Calendar;
        }
        var kinds = Days.ToDictionary(d => d.Date, d => d.Kind);
        foreach (var o in local)
        {
            if (!CoveredYears.Contains(o.Date.Year))
            {
                throw new ArgumentException($"本地调整日期 {Iso(o.Date)} 不在日历收录年份（{CoveredYears}）内。", nameof(overrides));
            }
            if (string.IsNullOrWhiteSpace(o.Source))
            {
                throw new ArgumentException($"本地调整日期 {Iso(o.Date)} 必须注明依据文件。", nameof(overrides));
            }
            kinds[o.Date] = o.Kind;
        }
        var duplicate = local.GroupBy(o => o.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"本地调整日期 {Iso(duplicate.Key)} 重复。", nameof(overrides));
        }
        var canonical = string.Join('\n', local.Select(o => $"{Iso(o.Date)}|{o.Kind}|{o.Source}"));
        var version = $"{DataVersion}+local-{Hash(canonical)}";
        return new WorkingDayCalendar(
            kinds.Where(k => k.Value == CalendarDayKind.Rest).Select(k => k.Key),
            kinds.Where(k => k.Value == CalendarDayKind.Workday).Select(k => k.Key),
            version,
            CoveredYears);
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Hash(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..12];

    private sealed record Data(IReadOnlyList<OfficialCalendarDay> Days, YearRange Covered, string Version, WorkingDayCalendar Calendar);

    private static Data Load()
    {
        using var stream = typeof(OfficialHolidays).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"缺少内嵌节假日数据 {ResourceName}。");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var days = Parse(reader.ReadToEnd());
        var years = days.Select(d => d.NoticeYear).Distinct().Order().ToList();
        var covered = new YearRange(years[0], years[^1]);
        if (years.Count != covered.Last - covered.First + 1)
        {
            throw new InvalidOperationException("节假日数据的年份必须连续。");
        }
        var canonical = string.Join('\n', days.Select(d => $"{Iso(d.Date)}|{d.Kind}|{d.NoticeYear}|{d.Name}|{d.SourceDocument}"));
        var version = $"cn-{covered.First}-{covered.Last}-{Hash(canonical)}";
        var calendar = new WorkingDayCalendar(
            days.Where(d => d.Kind == CalendarDayKind.Rest).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date),
            version,
            covered);
        return new Data(days, covered, version, calendar);
    }

    private static List<OfficialCalendarDay> Parse(string text)
    {
        var days = new Dictionary<LocalDate, OfficialCalendarDay>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split('|');
            if (cells.Length != 6)
            {
                throw new FormatException($"节假日数据第{lineNumber}行应有6列。");
            }
            var noticeYear = int.Parse(cells[0], CultureInfo.InvariantCulture);
            var kind = cells[1] switch
            {
                "rest" => CalendarDayKind.Rest,
                "work" => CalendarDayKind.Workday,
                _ => throw new FormatException($"节假日数据第{lineNumber}行类型无效：{cells[1]}"),
            };
            var from = LocalDatePattern.Iso.Parse(cells[2]).Value;
            var to = LocalDatePattern.Iso.Parse(cells[3]).Value;
            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                if (kind == CalendarDayKind.Workday && date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                {
                    throw new FormatException($"节假日数据第{lineNumber}行：调休上班日 {Iso(date)} 不是周末。");
                }
                if (!days.TryAdd(date, new OfficialCalendarDay(date, kind, noticeYear, cells[4], cells[5])))
                {
                    throw new FormatException($"节假日数据第{lineNumber}行：日期 {Iso(date)} 重复。");
                }
            }
        }
        return [.. days.Values.OrderBy(d => d.Date)];
    }
}
