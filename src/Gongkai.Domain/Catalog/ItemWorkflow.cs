namespace Gongkai.Domain.Catalog;

/// <summary>A workflow step refused by the rules; <see cref="Exception.Message"/> is shown to staff as is.</summary>
public sealed class WorkflowException(string message) : Exception(message);

/// <summary>
/// The pre-publication workflow: draft → 公开属性 decided and submitted → 保密审查 + 审核 by a second person → published.
/// Pure rules; the caller persists the result and writes the audit entry.
/// </summary>
public static class ItemWorkflow
{
    /// <summary>Submitting for review: the 公开属性 must be decided, and a withheld item must name its statutory reason.</summary>
    public static ItemStatus Submit(ItemStatus current, DisclosureMode mode, WithholdingReason reason)
    {
        if (current is not (ItemStatus.Draft or ItemStatus.Returned))
        {
            throw new WorkflowException($"只有草稿或被退回的信息可以提交审核（当前状态：{current.Label()}）。");
        }
        if (mode == DisclosureMode.Undecided)
        {
            throw new WorkflowException("提交审核前必须确定公开属性（主动公开、依申请公开或不予公开）。");
        }
        if (mode == DisclosureMode.Withheld && reason == WithholdingReason.None)
        {
            throw new WorkflowException("不予公开的信息必须注明法定理由（条例第十四条、第十五条或第十六条）。");
        }
        return ItemStatus.PendingReview;
    }

    /// <summary>
    /// Approving after 保密审查 and 审核 (条例第十七条). Review by a second person is the point of the step, so the reviewer
    /// is neither the author nor anyone who changed the content since it was last approved (<paramref name="contentChangedBy"/>):
    /// otherwise whoever holds both edit and review rights could rewrite a colleague's draft and publish it alone.
    /// The approval is bound to the revision the reviewer read (<paramref name="reviewedVersion"/>); a 主动公开 item goes public,
    /// others are filed.
    /// </summary>
    public static ItemStatus Approve(
        ItemStatus current, DisclosureMode mode, string authorId, IReadOnlyCollection<string> contentChangedBy, string reviewerId,
        bool secrecyReviewed, int reviewedVersion, int currentVersion)
    {
        if (current != ItemStatus.PendingReview)
        {
            throw new WorkflowException($"只有待审核的信息可以审核通过（当前状态：{current.Label()}）。");
        }
        if (string.Equals(authorId, reviewerId, StringComparison.Ordinal))
        {
            throw new WorkflowException("审核人不能是拟稿人本人：保密审查和审核须由另一人完成。");
        }
        if (contentChangedBy.Contains(reviewerId, StringComparer.Ordinal))
        {
            throw new WorkflowException("审核人自上次审核通过以来修改过本信息的内容，不能审核自己修改的内容：保密审查和审核须由修改人以外的另一人完成（条例第十七条）。");
        }
        if (reviewedVersion != currentVersion)
        {
            throw new StaleReviewException(reviewedVersion, currentVersion);
        }
        if (!secrecyReviewed)
        {
            throw new WorkflowException("发布前必须完成保密审查（条例第十七条）。");
        }
        return mode == DisclosureMode.Proactive ? ItemStatus.Published : ItemStatus.Filed;
    }

    public static ItemStatus Return(ItemStatus current, string authorId, string reviewerId, string? reason)
    {
        if (current != ItemStatus.PendingReview)
        {
            throw new WorkflowException($"只有待审核的信息可以退回（当前状态：{current.Label()}）。");
        }
        if (string.Equals(authorId, reviewerId, StringComparison.Ordinal))
        {
            throw new WorkflowException("拟稿人不能审核自己的稿件。");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new WorkflowException("退回时请填写退回理由。");
        }
        return ItemStatus.Returned;
    }

    /// <summary>Withdrawal keeps the record; a reason is required so the public trail makes sense.</summary>
    public static ItemStatus Withdraw(ItemStatus current, string? reason)
    {
        if (current != ItemStatus.Published)
        {
            throw new WorkflowException($"只有已发布的信息可以撤回（当前状态：{current.Label()}）。");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new WorkflowException("撤回时请填写撤回理由。");
        }
        return ItemStatus.Withdrawn;
    }

    /// <summary>
    /// Editing content: drafts and returned items freely; a published item may be revised (the revision goes
    /// back through review, while the published version stays public until approved).
    /// </summary>
    public static bool CanEdit(ItemStatus current) => current is ItemStatus.Draft or ItemStatus.Returned or ItemStatus.Published or ItemStatus.Withdrawn or ItemStatus.Filed;
}
