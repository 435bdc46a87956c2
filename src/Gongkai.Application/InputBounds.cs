using NodaTime;

namespace Gongkai.Application;

/// <summary>
/// The sane range of values the platform accepts for dates, years and enumerations, whatever the form or API posted
/// (a number like 99 for an enumeration, 0001-01-01 for a date). Out of range is refused input (400 with the Chinese
/// message), never a 500 further down, in the calendar or the database.
/// </summary>
public static class InputBounds
{
    /// <summary>
    /// 《中华人民共和国政府信息公开条例》 came into force on 2008-05-01: nothing the platform records under it (a request,
    /// a step, an item's formation) happened earlier.
    /// </summary>
    public static readonly LocalDate Earliest = new(2008, 5, 1);

    /// <summary>The latest date accepted: a year ahead (a correction period or a validity date may lie in the future).</summary>
    public static LocalDate Latest(LocalDate today) => today.PlusYears(1);

    /// <summary>Adds an error when <paramref name="date"/> is set and outside <see cref="Earliest"/> … a year from today.</summary>
    public static void CheckDate(ValidationErrors errors, string field, DateOnly? date, LocalDate today)
    {
        if (date is { } d && (LocalDate.FromDateOnly(d) < Earliest || LocalDate.FromDateOnly(d) > Latest(today)))
        {
            errors.Add(field, DateMessage(d, today));
        }
    }

    /// <summary>Throws when <paramref name="date"/> is set and outside the sane range.</summary>
    public static void RequireDate(string field, DateOnly? date, LocalDate today)
    {
        var errors = new ValidationErrors();
        CheckDate(errors, field, date, today);
        errors.ThrowIfAny();
    }

    /// <summary>A report year: from 2008 (the 条例's first year) to next year.</summary>
    public static void RequireYear(string field, int year, LocalDate today)
    {
        if (year < Earliest.Year || year > today.Year + 1)
        {
            throw new ValidationException(field, $"年份 {year} 无效：应在 {Earliest.Year} 年至 {today.Year + 1} 年之间。");
        }
    }

    /// <summary>Adds an error when <paramref name="value"/> is not one of <typeparamref name="T"/>'s named values.</summary>
    public static void CheckDefined<T>(ValidationErrors errors, string field, T value, string message) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(field, message);
        }
    }

    /// <summary>Throws when <paramref name="value"/> is not one of <typeparamref name="T"/>'s named values.</summary>
    public static void RequireDefined<T>(string field, T value, string message) where T : struct, Enum
    {
        var errors = new ValidationErrors();
        CheckDefined(errors, field, value, message);
        errors.ThrowIfAny();
    }

    private static string DateMessage(DateOnly date, LocalDate today) =>
        $"日期 {date:yyyy-MM-dd} 无效：应在 {Earliest:yyyy-MM-dd}（《政府信息公开条例》施行之日）至 {Latest(today):yyyy-MM-dd} 之间。";
}
