using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>domain.md §4.2–4.3: the 2019 format (2019, 2020 reports) has one （六）其他处理 row; the 2021 format three sub-rows.</summary>
public class AnnualOutcomeRowsTests
{
    [Theory]
    [InlineData(2019, AnnualReportTemplate.Format2019)]
    [InlineData(2020, AnnualReportTemplate.Format2019)]
    [InlineData(2021, AnnualReportTemplate.Format2021)]
    [InlineData(2026, AnnualReportTemplate.Format2021)]
    public void TheReportYear_ChoosesTheFormat(int year, AnnualReportTemplate template) =>
        Assert.Equal(template, AnnualOutcomeRows.TemplateFor(year));

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    public void The2019Format_HasOneOtherHandlingRow_CountingAllThreeKinds(int year)
    {
        var rows = AnnualOutcomeRows.For(year);
        var other = Assert.Single(rows, r => r.Group == OutcomeGroup.OtherHandling);
        Assert.Equal("（六）其他处理", other.Label);
        Assert.Equal([RequestOutcomes.NoCorrection, RequestOutcomes.FeeNotPaid, RequestOutcomes.Other], other.Outcomes);
        Assert.Equal(19, rows.Count); // 23 data rows less 一、二、（七）总计、四
        Assert.Same(rows[^1], other);
    }

    [Fact]
    public void The2021Format_HasTheThreeSubRows_WithTheirExactLabels()
    {
        var rows = AnnualOutcomeRows.For(2021);
        Assert.Equal(21, rows.Count); // 25 data rows less 一、二、（七）总计、四
        Assert.Equal(
        [
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
        ], rows.Where(r => r.Group == OutcomeGroup.OtherHandling).Select(r => r.Label));
    }
}
