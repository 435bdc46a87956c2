using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Reports;

public sealed class ReportOutcomeRowsTests
{
    [Fact]
    public void EveryOutcome_CountsInARowWithItsOwnLabel_In2021() =>
        Assert.All(RequestOutcomes.All, o =>
            Assert.Equal(o.Label, ReportTemplates.Format2021.ApplicationRow(ReportOutcomeRows.RowKey(ReportTemplates.Format2021, o.Key)!)!.Label));

    [Fact]
    public void OtherHandlingOutcomes_CountInTheSingle三六Row_In2019_TheOthersAsIn2021()
    {
        foreach (var o in RequestOutcomes.All)
        {
            var row = ReportOutcomeRows.RowKey(ReportTemplates.Format2019, o.Key);
            Assert.Equal(o.Group == OutcomeGroup.OtherHandling ? "三(六)" : ReportOutcomeRows.RowKey(ReportTemplates.Format2021, o.Key), row);
            Assert.NotNull(ReportTemplates.Format2019.ApplicationRow(row!));
        }
    }

    [Fact]
    public void The统计表_HasNoOutcomeRows() =>
        Assert.Null(ReportOutcomeRows.RowKey(ReportTemplates.Statistics2008, RequestOutcomes.Disclosed.Key));
}
