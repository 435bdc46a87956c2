using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public class OverviewDraftTests
{
    [Fact]
    public void For_Report2021_StatesOnlyTheTablesNumbers()
    {
        Assert.Equal(
            "2021年，本机关共收到政府信息公开申请25件，上年结转2件。本年度办理完毕25件，其中予以公开13件，部分公开5件，不予公开1件，" +
            "无法提供3件，不予处理1件，其他处理2件；2件结转下年度继续办理。因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。",
            OverviewDraft.For(ReportFixtures.Report2021()));
    }

    [Fact]
    public void For_NothingReceived_SaysSoAndNoAppeals()
    {
        Assert.Equal(
            "2022年，本机关共收到政府信息公开申请0件。本年度办理完毕0件。本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
            OverviewDraft.For(ReportFixtures.Zeros(2022)));
    }

    [Fact]
    public void For_UnknownCells_LeavesTheirSentencesOut()
    {
        var report = ReportFixtures.Report2021();
        report.Applications["一"][6] = null;
        report.Applications["三(五)2"][6] = null;
        report.ReviewLitigation[14] = null;

        Assert.Equal("本年度办理完毕25件；2件结转下年度继续办理。", OverviewDraft.For(report));
    }

    [Fact]
    public void For_TheDraftPassesTheTextRules()
    {
        var report = ReportFixtures.Report2021();
        report.Text.Overview = OverviewDraft.For(report);

        Assert.DoesNotContain(ReportChecker.Check(report), f => f.Rule == "text-numbers");
        var quiet = ReportFixtures.Zeros(2022);
        quiet.Text.Overview = OverviewDraft.For(quiet);
        Assert.Empty(ReportChecker.Check(quiet));
    }

    [Fact]
    public void For_OldStatisticsTable_OffersNoDraft() => Assert.Null(OverviewDraft.For(ReportFixtures.Zeros(2018)));
}
