using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public class ReportTemplatesTests
{
    [Theory]
    [InlineData(2008, "2008")]
    [InlineData(2018, "2008")]
    [InlineData(2019, "2019")]
    [InlineData(2020, "2019")]
    [InlineData(2021, "2021")]
    [InlineData(2025, "2021")]
    public void ForYear_FollowsTheReportYear(int year, string code) =>
        Assert.Equal(code, ReportTemplates.ForYear(year).Code);

    [Fact]
    public void Format2019_Section3_Has23DataRowsWithTheIssueKeys() =>
        Assert.Equal(
            ["一", "二", "三(一)", "三(二)", "三(三)1", "三(三)2", "三(三)3", "三(三)4", "三(三)5", "三(三)6", "三(三)7", "三(三)8",
             "三(四)1", "三(四)2", "三(四)3", "三(五)1", "三(五)2", "三(五)3", "三(五)4", "三(五)5", "三(六)", "三(七)", "四"],
            ReportTemplates.Format2019.ApplicationRows.Select(r => r.Key));

    [Fact]
    public void Format2021_Section3_SplitsOtherHandlingIntoThreeRows()
    {
        var keys = ReportTemplates.Format2021.ApplicationRows.Select(r => r.Key).ToList();

        Assert.Equal(25, keys.Count);
        Assert.Equal(["三(五)5", "三(六)1", "三(六)2", "三(六)3", "三(七)"], keys.Skip(19).Take(5));
        Assert.Equal("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ReportTemplates.Format2021.ApplicationRow("三(六)2")!.Label);
    }

    [Theory]
    [InlineData("一", "一、本年新收政府信息公开申请数量")]
    [InlineData("三(二)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
    [InlineData("三(三)2", "（三）不予公开 2.其他法律行政法规禁止公开")]
    [InlineData("三(三)3", "（三）不予公开 3.危及“三安全一稳定”")]
    [InlineData("三(四)3", "（四）无法提供 3.补正后申请内容仍不明确")]
    [InlineData("三(五)5", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息")]
    [InlineData("三(六)", "（六）其他处理")]
    [InlineData("四", "四、结转下年度继续办理")]
    public void Format2019_RowLabels_AreTheCanonicalPrintedTexts(string key, string label) =>
        Assert.Equal(label, ReportTemplates.Format2019.ApplicationRow(key)!.FullLabel);

    [Fact]
    public void Format2019_Section2_HasFiveTablesWithTheirColumns()
    {
        var tables = ReportTemplates.Format2019.Section2;

        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"], tables.Select(t => t.Key));
        Assert.Equal(["本年新制作数量", "本年新公开数量", "对外公开总数量"], tables[0].Columns.Select(c => c.Label));
        Assert.Equal(["规章", "规范性文件"], tables[0].Rows);
        Assert.Equal(["行政许可", "其他对外管理服务事项"], tables[1].Rows);
        Assert.Equal(["上一年项目数量", "本年增/减", "处理决定数量"], tables[2].Columns.Select(c => c.Label));
        Assert.Equal(Section2ValueKind.SignedCount, tables[2].Column("本年增/减")!.Kind);
        Assert.Equal(["上一年项目数量", "本年增/减"], tables[3].Columns.Select(c => c.Label));
        Assert.Equal(["采购项目数量", "采购总金额"], tables[4].Columns.Select(c => c.Label));
        Assert.Equal(Section2ValueKind.AmountWanYuan, tables[4].Column("采购总金额")!.Kind);
    }

    [Fact]
    public void Format2021_Section2_DropsItem9AndTheCarryColumns()
    {
        var tables = ReportTemplates.Format2021.Section2;

        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], tables.Select(t => t.Key));
        Assert.Equal(["规章", "行政规范性文件"], tables[0].Rows);
        Assert.Equal(["本年制发件数", "本年废止件数", "现行有效件数"], tables[0].Columns.Select(c => c.Label));
        Assert.Equal(["行政许可"], tables[1].Rows);
        Assert.Equal(["本年处理决定数量"], tables[1].Columns.Select(c => c.Label));
        Assert.Equal(["行政处罚", "行政强制"], tables[2].Rows);
        Assert.Equal(["本年收费金额（单位：万元）"], tables[3].Columns.Select(c => c.Label));
        Assert.DoesNotContain(tables.SelectMany(t => t.Columns), c => c.Label is "上一年项目数量" or "本年增/减");
    }

    [Fact]
    public void BothNewFormats_HaveTheSixSectionsAndTheSameColumns()
    {
        Assert.Equal(ReportTemplates.Format2019.Sections, ReportTemplates.Format2021.Sections);
        Assert.Equal("四、政府信息公开行政复议、行政诉讼情况", ReportTemplates.Format2021.Sections[3]);
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], ApplicantColumns.Labels);
        Assert.Equal(["四", "复议后起诉", "总计"], ReviewLitigationColumns.Cell(14));
        Assert.Equal(["四", "未经复议直接起诉", "结果维持"], ReviewLitigationColumns.Cell(5));
    }

    [Fact]
    public void Statistics2008_KeysAreUniqueAndTheRepeatedTextsArePrefixed()
    {
        var rows = ReportTemplates.Statistics2008.StatisticsRows;

        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
        Assert.Contains(rows, r => r.Key == "四、（二）被依法纠错数" && r.Label == "（二）被依法纠错数");
        Assert.Contains(rows, r => r.Key == "五、（二）被依法纠错数");
        Assert.Equal("万元", rows.Single(r => r.Key == "七、依申请公开信息收取的费用").Unit);
        Assert.Equal(58, rows.Count(r => !r.IsHeader));
    }

    [Fact]
    public void ByCode_FindsEachTemplateAndNothingElse()
    {
        Assert.Same(ReportTemplates.Format2019, ReportTemplates.ByCode("2019"));
        Assert.Null(ReportTemplates.ByCode("2020"));
    }
}
