using Gongkai.Domain.Catalog;

namespace Gongkai.Domain.Tests.Catalog;

public class ItemWorkflowTests
{
    [Fact]
    public void Submit_WithUndecidedDisclosureMode_IsRefused() =>
        Assert.Throws<WorkflowException>(() => ItemWorkflow.Submit(ItemStatus.Draft, DisclosureMode.Undecided, WithholdingReason.None));

    [Fact]
    public void Submit_Withheld_WithoutStatutoryReason_IsRefused() =>
        Assert.Throws<WorkflowException>(() => ItemWorkflow.Submit(ItemStatus.Draft, DisclosureMode.Withheld, WithholdingReason.None));

    [Theory]
    [InlineData(ItemStatus.Draft)]
    [InlineData(ItemStatus.Returned)]
    public void Submit_FromDraftOrReturned_GoesToPendingReview(ItemStatus from) =>
        Assert.Equal(ItemStatus.PendingReview, ItemWorkflow.Submit(from, DisclosureMode.Proactive, WithholdingReason.None));

    [Theory]
    [InlineData(ItemStatus.PendingReview)]
    [InlineData(ItemStatus.Published)]
    [InlineData(ItemStatus.Withdrawn)]
    [InlineData(ItemStatus.Filed)]
    public void Submit_FromOtherStates_IsRefused(ItemStatus from) =>
        Assert.Throws<WorkflowException>(() => ItemWorkflow.Submit(from, DisclosureMode.Proactive, WithholdingReason.None));

    [Fact]
    public void Approve_ByTheAuthor_IsRefused()
    {
        var ex = Assert.Throws<WorkflowException>(() => ItemWorkflow.Approve(ItemStatus.PendingReview, DisclosureMode.Proactive, "u1", ["u1"], "u1", secrecyReviewed: true, 1, 1));
        Assert.Contains("拟稿人", ex.Message);
    }

    [Fact]
    public void Approve_WithoutSecrecyReview_IsRefused() =>
        Assert.Throws<WorkflowException>(() => ItemWorkflow.Approve(ItemStatus.PendingReview, DisclosureMode.Proactive, "author", ["author"], "reviewer", secrecyReviewed: false, 1, 1));

    [Fact]
    public void Approve_Proactive_Publishes() =>
        Assert.Equal(ItemStatus.Published, ItemWorkflow.Approve(ItemStatus.PendingReview, DisclosureMode.Proactive, "author", ["author"], "reviewer", true, 1, 1));

    [Theory]
    [InlineData(DisclosureMode.OnRequest)]
    [InlineData(DisclosureMode.Withheld)]
    public void Approve_NotProactive_FilesWithoutPublishing(DisclosureMode mode) =>
        Assert.Equal(ItemStatus.Filed, ItemWorkflow.Approve(ItemStatus.PendingReview, mode, "author", ["author"], "reviewer", true, 1, 1));

    [Fact]
    public void Approve_BySomeoneWhoChangedTheContentSinceTheLastApproval_IsRefused()
    {
        var ex = Assert.Throws<WorkflowException>(() =>
            ItemWorkflow.Approve(ItemStatus.PendingReview, DisclosureMode.Proactive, "author", ["author", "admin"], "admin", true, 3, 3));
        Assert.Contains("修改过本信息的内容", ex.Message);
    }

    [Fact]
    public void Approve_OfAnOlderVersionThanTheCurrentOne_IsRefusedAsStale()
    {
        var ex = Assert.Throws<StaleReviewException>(() =>
            ItemWorkflow.Approve(ItemStatus.PendingReview, DisclosureMode.Proactive, "author", ["author"], "reviewer", true, 3, 5));
        Assert.Equal((3, 5), (ex.ReviewedVersion, ex.CurrentVersion));
    }

    [Fact]
    public void Approve_Draft_IsRefused() =>
        Assert.Throws<WorkflowException>(() => ItemWorkflow.Approve(ItemStatus.Draft, DisclosureMode.Proactive, "author", ["author"], "reviewer", true, 1, 1));

    [Fact]
    public void Return_RequiresReason() =>
        Assert.Throws<WorkflowException>(() => ItemWorkflow.Return(ItemStatus.PendingReview, "author", "reviewer", " "));

    [Fact]
    public void Withdraw_Published_WithReason_KeepsRecordAsWithdrawn() =>
        Assert.Equal(ItemStatus.Withdrawn, ItemWorkflow.Withdraw(ItemStatus.Published, "政策已调整"));

    [Fact]
    public void Withdraw_Draft_IsRefused() =>
        Assert.Throws<WorkflowException>(() => ItemWorkflow.Withdraw(ItemStatus.Draft, "x"));
}
