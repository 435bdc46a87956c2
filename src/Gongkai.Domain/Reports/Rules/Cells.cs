namespace Gongkai.Domain.Reports.Rules;

/// <summary>Cell paths and null-aware arithmetic shared by the rules.</summary>
internal static class Cells
{
    public static IReadOnlyList<string> Application(string rowKey, int column) => [rowKey, ApplicantColumns.Labels[column]];

    public static IReadOnlyList<string> Section2(string table, string row, string column) => ["二", table, row, column];

    public static IReadOnlyList<string> Statistics(string rowKey) => ["统计表", rowKey];

    /// <summary>The sum, or null when any term is unknown (the relation is then not checked).</summary>
    public static int? Sum(IEnumerable<int?> values)
    {
        var total = 0;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                return null;
            }
            total = checked(total + v);
        }
        return total;
    }

    public static decimal? Sum(IEnumerable<decimal?> values)
    {
        var total = 0m;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                return null;
            }
            total += v;
        }
        return total;
    }

    /// <summary>The printed label of a section 三 row, with its group ("（三）不予公开 1.属于国家秘密").</summary>
    public static string RowLabel(AnnualReport report, string key) => report.Template.ApplicationRow(key)?.FullLabel ?? key;

    public static string Column(int column) => $"“{ApplicantColumns.Labels[column]}”列";

    /// <summary>Section 三 and 四 of two reports can be compared cell by cell when both have those tables.</summary>
    public static bool Comparable(AnnualReport report, AnnualReport? previous) =>
        previous is not null && report.Template.HasApplicationTables && previous.Template.HasApplicationTables;

    public static ReportFinding Error(string rule, IReadOnlyList<string> cells, string message) =>
        new(rule, FindingSeverity.Error, cells, message);

    public static ReportFinding Warning(string rule, IReadOnlyList<string> cells, string message) =>
        new(rule, FindingSeverity.Warning, cells, message);
}
