namespace Gongkai.Domain.Reports.Rules;

/// <summary>
/// "balance": the relation printed in the table's caption (本列数据的勾稽关系): in every column,
/// 一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理. The finding sits on （七）总计.
/// </summary>
public sealed class BalanceRule : IReportRule
{
    public string Key => "balance";

    public IEnumerable<ReportFinding> Check(AnnualReport report, AnnualReport? previous)
    {
        if (!report.Template.HasApplicationTables)
        {
            yield break;
        }
        var a = report.Applications;
        for (var c = 0; c < ApplicantColumns.Count; c++)
        {
            var intake = Cells.Sum([a["一"][c], a["二"][c]]);
            var handled = Cells.Sum([a["三(七)"][c], a["四"][c]]);
            if (intake is { } i && handled is { } h && i != h)
            {
                yield return Cells.Error(Key, Cells.Application("三(七)", c),
                    $"{Cells.Column(c)}：本年新收（{a["一"][c]}）加上年结转（{a["二"][c]}）为 {i}，" +
                    $"应等于办理结果总计（{a["三(七)"][c]}）加结转下年度（{a["四"][c]}）之和 {h}。");
            }
        }
    }
}
