namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "statistics-sums" (warning, pre-2019 统计表, read for display): a part's total against its numbered children —
/// 收到申请数 = 当面 + 传真 + 网络 + 信函; 申请办结数 = 按时 + 延期; 申请答复数 = 1–8; 不同意公开答复数 = its 其中 rows;
/// 行政复议数量 and 行政诉讼数量 = （一）–（三）; 从事政府信息公开工作人员数 = 专职 + 兼职. A warning because the 2014
/// statistics rules were not retrieved and channels beyond the four may have been counted.
/// </summary>
public sealed class StatisticsSumsRule : IReportRule
{
    private static readonly (string Total, string[] Parts)[] Sums =
    [
        ("（一）收到申请数", ["1．当面申请数", "2．传真申请数", "3．网络申请数", "4．信函申请数"]),
        ("（二）申请办结数", ["1．按时办结数", "2．延期办结数"]),
        ("（三）申请答复数", ["1．属于已主动公开范围数", "2．同意公开答复数", "3．同意部分公开答复数", "4．不同意公开答复数",
            "5．不属于本行政机关公开数", "6．申请信息不存在数", "7．告知作出更改补充数", "8．告知通过其他途径办理数"]),
        ("4．不同意公开答复数", ["其中：涉及国家秘密", "涉及商业秘密", "涉及个人隐私", "危及国家安全、公共安全、经济安全和社会稳定",
            "不是《条例》所指政府信息", "法律法规规定的其他情形"]),
        ("四、行政复议数量", ["四、（一）维持具体行政行为数", "四、（二）被依法纠错数", "四、（三）其他情形数"]),
        ("五、行政诉讼数量", ["五、（一）维持具体行政行为或者驳回原告诉讼请求数", "五、（二）被依法纠错数", "五、（三）其他情形数"]),
        ("（三）从事政府信息公开工作人员数", ["专职人员数（不包括政府公报及政府网站工作人员数）", "2．兼职人员数"]),
    ];

    public string Key => "statistics-sums";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        if (report.Template.Format != ReportFormat.Statistics2008)
        {
            yield break;
        }
        foreach (var (total, parts) in Sums)
        {
            var sum = Cells.Sum(parts.Select(p => report.Statistics2008[p]));
            if (sum is { } s && report.Statistics2008[total] is { } t && s != t)
            {
                yield return Cells.Warning(Key, Cells.Statistics(total), $"统计表“{total}”为 {t}，但其分项之和为 {s}。");
            }
        }
    }
}
