using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>The label variants are the ones printed in the seed reports (domain.md §5.2).</summary>
public class ReportLabelsTests
{
    [Theory]
    [InlineData("2021", "2.其他法律法规禁止公开", "三(三)2")]                                  // 001
    [InlineData("2021", "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "三(二)")]   // 001
    [InlineData("2021", "(六) 其他处理", null)]                                                 // 2021: a group header, no numbers
    [InlineData("2021", "3.其他", "三(六)3")]
    [InlineData("2019", "（六）其他处理", "三(六)")]
    [InlineData("2019", "2. 其他法律行政法规禁止公开", "三(三)2")]                             // 004
    [InlineData("2019", "（三）不予公开 1.属于国家秘密", "三(三)1")]
    [InlineData("2019", "四、结转下年度继续办理", "四")]
    [InlineData("2019", "2. 没有现成信息需要", null)]                                           // 004, cut off: not guessed
    public void ApplicationRowKey_PrintedVariants_FindTheCanonicalRow(string template, string printed, string? key) =>
        Assert.Equal(key, ReportLabels.ApplicationRowKey(ReportTemplates.ByCode(template)!, printed));

    [Fact]
    public void Section2_SpacedAndDriftedLabels_Match()
    {
        var item1 = ReportTemplates.Format2019.Section2Table("第二十条第（一）项")!;
        var item8 = ReportTemplates.Format2021.Section2Table("第二十条第（八）项")!;

        Assert.Equal("规章", ReportLabels.Section2Row(item1, "规 章"));                                        // 004
        Assert.Equal("本年新制作数量", ReportLabels.Section2Column(item1, "本年新\n制作数量")?.Label);            // 003
        Assert.Equal("本年收费金额（单位：万元）", ReportLabels.Section2Column(item8, "本年收费金额（单位：万元，保留4位小数）")?.Label); // 001
        Assert.Null(ReportLabels.Section2Row(item1, "行政规范性文件"));                                        // a 2021 row in a 2019 table
    }

    [Theory]
    [InlineData("结果维护", "结果维持")]      // 004
    [InlineData("结 果 纠 正", "结果纠正")]
    [InlineData("尚未审结", "尚未审结")]
    [InlineData("驳回", null)]
    public void ReviewResult_PrintedVariants_FindTheCanonicalColumn(string printed, string? canonical) =>
        Assert.Equal(canonical, ReportLabels.ReviewResult(printed));

    [Fact]
    public void Matches_StatisticsNumbering_ToleratesFullWidthStopAndComma() =>
        Assert.True(ReportLabels.Matches("1、当面申请数", "1．当面申请数"));
}
