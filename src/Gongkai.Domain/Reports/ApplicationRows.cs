namespace Gongkai.Domain.Reports;

/// <summary>
/// The data rows of section 三: 23 in the 2019 format, 25 in the 2021 format, which splits （六）其他处理 into three.
/// Group headers (三、本年度办理结果, （三）, （四）, （五）, and （六） in 2021) carry no numbers.
/// </summary>
public static class ApplicationRows
{
    public const string OutcomesHeader = "三、本年度办理结果";

    public static IReadOnlyList<ApplicationRow> For(ReportFormat format)
    {
        var rows = new List<ApplicationRow>
        {
            new("一", "一、本年新收政府信息公开申请数量", ApplicationRowKind.Received),
            new("二", "二、上年结转政府信息公开申请数量", ApplicationRowKind.CarriedIn),
            new("三(一)", "（一）予以公开", ApplicationRowKind.Outcome),
            new("三(二)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ApplicationRowKind.Outcome),
        };
        Group(rows, "三(三)", "（三）不予公开",
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项");
        Group(rows, "三(四)", "（四）无法提供",
            "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确");
        Group(rows, "三(五)", "（五）不予处理",
            "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息");
        if (format == ReportFormat.Format2019)
        {
            rows.Add(new("三(六)", "（六）其他处理", ApplicationRowKind.Outcome));
        }
        else
        {
            Group(rows, "三(六)", "（六）其他处理",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他");
        }
        rows.Add(new("三(七)", "（七）总计", ApplicationRowKind.OutcomeTotal));
        rows.Add(new("四", "四、结转下年度继续办理", ApplicationRowKind.CarriedOut));
        return rows;
    }

    private static void Group(List<ApplicationRow> rows, string keyPrefix, string group, params string[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            rows.Add(new($"{keyPrefix}{i + 1}", labels[i], ApplicationRowKind.Outcome, group));
        }
    }
}
