namespace Gongkai.Domain.Reports;

/// <summary>
/// One result of checking a report. <see cref="Rule"/> is the rule's stable key ("balance", "row-total" …);
/// <see cref="Cells"/> the path of the cell the finding sits on, as the JSON names it: <c>["三(七)", "总计"]</c> for
/// section 三, <c>["四", "行政复议", "总计"]</c> for section 四, <c>["二", "第二十条第（一）项", "规章", "现行有效件数"]</c>
/// for section 二, <c>["统计表", "&lt;row key&gt;"]</c> for the pre-2019 table, <c>["一"]</c> for a text section and
/// <c>["template"]</c> for the report as a whole. <see cref="Message"/> is Chinese, shown to staff as is.
/// </summary>
public sealed record ReportFinding(string Rule, FindingSeverity Severity, IReadOnlyList<string> Cells, string Message)
{
    /// <summary>The severity as written in JSON: "error" or "warning".</summary>
    public string SeverityCode => Severity == FindingSeverity.Error ? "error" : "warning";

    public override string ToString() => $"{Rule} {SeverityCode} [{string.Join(", ", Cells)}] {Message}";
}
