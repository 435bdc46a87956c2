namespace Gongkai.Domain.Catalog;

/// <summary>Where an item stands in the pre-publication workflow (条例第十七条: review before disclosure).</summary>
public enum ItemStatus
{
    /// <summary>草稿 — the editor is still writing it.</summary>
    Draft = 0,
    /// <summary>待审核 — submitted with its 公开属性 decided; awaiting 保密审查 and 审核.</summary>
    PendingReview = 1,
    /// <summary>已发布 — public on the portal (only 主动公开 items are published).</summary>
    Published = 2,
    /// <summary>已退回 — the reviewer sent it back; the editor may revise and resubmit.</summary>
    Returned = 3,
    /// <summary>已撤回 — taken off the portal; the record and its history are kept.</summary>
    Withdrawn = 4,
    /// <summary>已归档（不公开） — reviewed and kept as 依申请公开 or 不予公开; never on the portal.</summary>
    Filed = 5,
}

public static class ItemStatusLabels
{
    public static string Label(this ItemStatus s) => s switch
    {
        ItemStatus.Draft => "草稿",
        ItemStatus.PendingReview => "待审核",
        ItemStatus.Published => "已发布",
        ItemStatus.Returned => "已退回",
        ItemStatus.Withdrawn => "已撤回",
        ItemStatus.Filed => "已审定（不主动公开）",
        _ => s.ToString(),
    };
}
