namespace Gongkai.Domain.Requests.Letters;

/// <summary>One remedy a letter tells the applicant about: what, to whom, within what period, and the article fixing the period.</summary>
public sealed record Remedy(RemedyKind Kind, string Period, string Article);

public enum RemedyKind
{
    /// <summary>行政复议.</summary>
    Reconsideration = 1,
    /// <summary>行政诉讼 directly, without 复议 first.</summary>
    Litigation = 2,
    /// <summary>行政诉讼 only after the 复议决定 (复议前置).</summary>
    LitigationAfterReconsideration = 3,
}

/// <summary>
/// The remedies a letter offers (告知救济途径), and the sentence that says so. The periods are cited from the laws that fix
/// them, not from 条例第五十一条 (which only says that 复议 and 诉讼 are available).
/// </summary>
public sealed record RemedyNotice(bool ReconsiderationFirst, IReadOnlyList<Remedy> Remedies, string Sentence)
{
    /// <summary>《行政复议法》(2023) in force (第九十条): from this day a refusal must go to 复议 first.</summary>
    public static readonly DateOnly ReconsiderationFirstSince = new(2024, 1, 1);

    /// <summary>
    /// The generic naming of the 复议机关 when the agency has none configured. Since 2024 the 本级人民政府 decides 复议 against
    /// its departments (《行政复议法》(2023) 第二十四条第一款第（一）项) and the 上一级人民政府 against a government
    /// (第二十四条第一款第（三）项、第四款); vertically led bodies go to their 上一级主管部门 (第二十七条).
    /// </summary>
    public const string GenericReviewBody = "依法对本机关行使行政复议管辖权的行政复议机关（本级人民政府；本机关为人民政府的，为上一级人民政府）";

    private const string ReviewLaw2023 = "《中华人民共和国行政复议法》第二十条";
    private const string ReviewLawBefore2024 = "《中华人民共和国行政复议法》第九条";
    private const string LitigationLaw = "《中华人民共和国行政诉讼法》第四十六条";
    private const string LitigationAfterReviewLaw = "《中华人民共和国行政诉讼法》第四十五条";

    /// <summary>
    /// 《行政复议法》(2023) 第二十三条第一款第（四）项: a refusal of disclosure (不予公开, also in part) must go to 复议 first, from
    /// 2024-01-01 on. Other outcomes, and every letter dated before 2024, keep the choice of 复议 or 诉讼.
    /// </summary>
    public static bool RequiresReconsiderationFirst(OutcomeGroup? group, DateOnly letterDate) =>
        letterDate >= ReconsiderationFirstSince && group is OutcomeGroup.Withheld or OutcomeGroup.PartlyDisclosed;

    /// <summary>The remedies for a letter of <paramref name="group"/> (null: a letter that decides no outcome) dated <paramref name="letterDate"/>.</summary>
    public static RemedyNotice For(OutcomeGroup? group, DateOnly letterDate, string? reviewBody)
    {
        var body = string.IsNullOrWhiteSpace(reviewBody) ? GenericReviewBody : reviewBody.Trim();
        if (RequiresReconsiderationFirst(group, letterDate))
        {
            Remedy[] first =
            [
                new(RemedyKind.Reconsideration, "六十日", ReviewLaw2023),
                new(RemedyKind.LitigationAfterReconsideration, "十五日", LitigationAfterReviewLaw),
            ];
            return new(true, first,
                $"如对本答复不服，可以自收到本告知书之日起六十日内向{body}申请行政复议（{ReviewLaw2023}）。"
                + "依照《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，应当先申请行政复议；"
                + $"对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼（{LitigationAfterReviewLaw}）。");
        }
        var reviewLaw = letterDate >= ReconsiderationFirstSince ? ReviewLaw2023 : ReviewLawBefore2024;
        Remedy[] choice =
        [
            new(RemedyKind.Reconsideration, "六十日", reviewLaw),
            new(RemedyKind.Litigation, "六个月", LitigationLaw),
        ];
        return new(false, choice,
            $"如对本答复不服，可以自收到本告知书之日起六十日内向{body}申请行政复议（{reviewLaw}），"
            + $"或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼（{LitigationLaw}）。");
    }
}
