namespace Gongkai.Domain.Catalog;

/// <summary>
/// An approval of a revision other than the one under review: the content changed after the reviewer opened it, or it was
/// submitted again. What was reviewed is what is approved (条例第十七条), so the reviewer must read the changes first.
/// </summary>
public sealed class StaleReviewException(int reviewedVersion, int currentVersion)
    : Exception($"您审阅的是第{reviewedVersion}版，该信息此后已被修改（当前为第{currentVersion}版），审核未通过：请查看修改内容后重新审核。")
{
    public int ReviewedVersion { get; } = reviewedVersion;
    public int CurrentVersion { get; } = currentVersion;
}
