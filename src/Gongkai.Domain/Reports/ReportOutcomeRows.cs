using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Reports;

/// <summary>
/// Which section 三 row a decided case counts in: the outcome stored on the case (<see cref="RequestOutcome.Key"/>) →
/// the row key of the report's template. The outcomes follow the 2021 table's rows one to one; the 2019 format
/// (国办公开办函〔2019〕60号, report years 2019–2020) has one undivided （六）其他处理 row, so the three 其他处理 outcomes
/// all count there.
/// </summary>
public static class ReportOutcomeRows
{
    private static readonly IReadOnlyDictionary<string, string> Format2021Rows = Build();

    /// <summary>The row key of <paramref name="outcomeKey"/> in <paramref name="template"/>; null for the pre-2019 统计表 (no section 三).</summary>
    public static string? RowKey(ReportTemplate template, string outcomeKey)
    {
        var outcome = RequestOutcomes.ByKey(outcomeKey);
        return template.Format switch
        {
            ReportFormat.Format2021 => Format2021Rows[outcome.Key],
            ReportFormat.Format2019 => outcome.Group == OutcomeGroup.OtherHandling ? "三(六)" : Format2021Rows[outcome.Key],
            _ => null,
        };
    }

    // The outcomes are listed in report order and each group's rows are numbered from 1, as the template numbers them.
    private static Dictionary<string, string> Build()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in RequestOutcomes.All.GroupBy(o => o.Group))
        {
            var prefix = $"三({Numeral(group.Key)})";
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                rows[members[i].Key] = group.Key is OutcomeGroup.Disclosed or OutcomeGroup.PartlyDisclosed ? prefix : $"{prefix}{i + 1}";
            }
        }
        return rows;
    }

    private static string Numeral(OutcomeGroup group) => "一二三四五六"[(int)group - 1].ToString();
}
