using Gongkai.Domain.Agencies;
using NodaTime;

namespace Gongkai.Domain.Reports;

/// <summary>
/// When a report must be published. 条例第四十九条 (2019): a county-level-and-above department submits to its level's
/// 主管部门 and publishes by 1月31日; the 主管部门 publishes its government's report by 3月31日 — of the year after the
/// report year. Townships and sub-districts are not named in Art. 49: their deadline is set locally (null here).
/// Reports up to 2018 fell under the 2007 text (第三十一条: 各级行政机关 by 3月31日).
/// </summary>
public static class ReportDeadline
{
    /// <summary>The last day to publish the report for <paramref name="reportYear"/>, or null when set locally.</summary>
    public static LocalDate? For(int reportYear, AgencyKind kind)
    {
        if (reportYear <= 2018)
        {
            return new LocalDate(reportYear + 1, 3, 31);
        }
        return kind switch
        {
            AgencyKind.Department => new LocalDate(reportYear + 1, 1, 31),
            AgencyKind.Government => new LocalDate(reportYear + 1, 3, 31),
            _ => null,
        };
    }

    /// <summary>Whether a report published on <paramref name="publishedOn"/> missed its deadline (the last day counts).</summary>
    /// <param name="localDeadline">The locally set deadline, used when the law names none (townships).</param>
    public static bool IsLate(int reportYear, AgencyKind kind, LocalDate publishedOn, LocalDate? localDeadline = null) =>
        (For(reportYear, kind) ?? localDeadline) is { } due && publishedOn > due;
}
