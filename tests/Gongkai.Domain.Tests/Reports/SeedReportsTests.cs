using System.Runtime.CompilerServices;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>
/// Five published reports (the seeds of domain.md S20), their tables transcribed by hand into Seeds/*.json with the
/// canonical labels and their text sections cut from the publications; unknown cells (rows lost when 004's tables broke
/// across pages) are null. The checker must find exactly the defects a careful reader finds, and nothing else.
/// </summary>
public class SeedReportsTests
{
    private static string SeedText(string name, [CallerFilePath] string source = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "Seeds", name));

    private static AnnualReport Seed(string name) => AnnualReportJson.Read(SeedText(name));

    /// <summary>Every seed is a government's report (a county's, or 2018 a district's), so Art. 50 (四) applies from 2019.</summary>
    private static IReadOnlyList<ReportFinding> Findings(AnnualReport report) => ReportChecker.Check(report, null, AgencyKind.Government);

    private static List<string> Check(string name) =>
        Findings(Seed(name)).Select(f => $"{f.Rule} {f.SeverityCode} {string.Join("/", f.Cells)}").ToList();

    [Fact]
    public void Jingyuan2020_TablesAndTextAgree()
    {
        var report = Seed("000-jingyuan-2020.json");

        Assert.Empty(Findings(report));
        Assert.Equal(24014m, report.Section2["第二十条第（九）项", "政府集中采购", "采购总金额"]);
        Assert.Contains("接到依申请公开事项10次", report.Text.Overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Minquan2021_CitesThe2019NoticeForThe2021Tables_AndSaysNothingOfAppraisalOrAccountability()
    {
        Assert.Equal(["cited-notice warning 一", "accountability-content warning 一"], Check("001-minquan-2021.json"));
        Assert.EndsWith("正文未提及：社会评议、责任追究结果。", Findings(Seed("001-minquan-2021.json"))[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pingchuan2018_StatisticsTableAddsUp_AndTheCumulativeCountInTheTextIsNotMistakenForThisYears()
    {
        var report = Seed("002-pingchuan-2018.json");

        Assert.Equal(ReportFormat.Statistics2008, report.Template.Format);
        Assert.Contains("历年累计受理政府信息依申请公开申请1条", report.Text.Overview, StringComparison.Ordinal);
        Assert.Empty(Findings(report));
    }

    [Fact]
    public void Ziyang2020_RepeatsTheOtherServicesRowAsAdministrativeCoercion_AndSaysNothingOfAppraisalOrAccountability()
    {
        Assert.Equal(
            ["repeated-row warning 二/第二十条第（六）项/行政强制/上一年项目数量", "accountability-content warning 一"],
            Check("003-ziyang-2020.json"));
        var findings = Findings(Seed("003-ziyang-2020.json"));
        Assert.Contains("其他对外管理服务事项", findings[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("正文未提及：社会评议、责任追究结果。", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shicheng2020_LostRowsAreUnknown_ReportedOnceAndNeverGuessed()
    {
        var report = Seed("004-shicheng-2020.json");

        var finding = Assert.Single(Findings(report));
        Assert.Equal("incomplete", finding.Rule);
        Assert.Equal(["二", "第二十条第（五）项", "行政许可", "上一年项目数量"], finding.Cells);
        Assert.Contains("有 86 个单元格尚未填写", finding.Message, StringComparison.Ordinal);
        // The text says 5 applications; the lost row 一 stays unknown rather than being filled in from it.
        Assert.Null(report.Applications["一"][ApplicantColumns.Total]);
        Assert.Contains("全年受理依申请公开信息 5 件", report.Text.Overview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000-jingyuan-2020.json")]
    [InlineData("001-minquan-2021.json")]
    [InlineData("002-pingchuan-2018.json")]
    [InlineData("003-ziyang-2020.json")]
    [InlineData("004-shicheng-2020.json")]
    public void EverySeed_UsesTheTemplateOfItsYearAndIsStoredInCanonicalForm(string name)
    {
        var report = Seed(name);

        Assert.Same(ReportTemplates.ForYear(report.Year), report.Template);
        Assert.Equal(SeedText(name), AnnualReportJson.Write(report));
    }
}
