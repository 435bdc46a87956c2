namespace Gongkai.Domain.Requests;

/// <summary>The groups of the annual report's 三、本年度办理结果 (2021 format, 国办公开办函〔2021〕30号).</summary>
public enum OutcomeGroup
{
    /// <summary>（一）予以公开.</summary>
    Disclosed = 1,
    /// <summary>（二）部分公开.</summary>
    PartlyDisclosed = 2,
    /// <summary>（三）不予公开.</summary>
    Withheld = 3,
    /// <summary>（四）无法提供.</summary>
    CannotProvide = 4,
    /// <summary>（五）不予处理.</summary>
    NotProcessed = 5,
    /// <summary>（六）其他处理.</summary>
    OtherHandling = 6,
}

/// <summary>One data row of 三、本年度办理结果: a case is decided with exactly one of these.</summary>
/// <param name="Key">Stable English key (stored on the case).</param>
/// <param name="Label">The row label exactly as in the report.</param>
/// <param name="Article">The provision the outcome rests on; null where the report row has no article of its own.</param>
public sealed record RequestOutcome(string Key, string Label, OutcomeGroup Group, string? Article)
{
    private const string Regulations = "《中华人民共和国政府信息公开条例》";

    /// <summary>
    /// The legal basis written out for a letter: "条例第三十七条" → "《中华人民共和国政府信息公开条例》第三十七条";
    /// 国办函〔2020〕109号 is named as the 《政府信息公开信息处理费管理办法》 it issued, not as part of the 条例.
    /// </summary>
    public string Citation => Article is null
        ? Regulations + "相关规定"
        : string.Join("和", Article.Split('；').Select(part => part switch
        {
            _ when part.StartsWith("条例", StringComparison.Ordinal) => Regulations + part[2..],
            "国办函〔2020〕109号" => "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
            _ => part,
        }));

    /// <summary>
    /// What the agency does, in the letter's words. 条例第三十六条第（七）项 is counted among 不予公开 in the report, but
    /// the answer is to tell the applicant which procedure of the other law to follow, not a refusal.
    /// </summary>
    public string Disposition => Group switch
    {
        OutcomeGroup.Disclosed => "本机关决定予以公开",
        OutcomeGroup.PartlyDisclosed => "本机关决定部分公开，向您提供可以公开的部分",
        OutcomeGroup.Withheld when Key == RequestOutcomes.WithheldAdministrativeInquiry.Key => "请您依照有关法律、行政法规的规定办理",
        OutcomeGroup.Withheld => "本机关决定不予公开",
        OutcomeGroup.CannotProvide => "本机关无法提供",
        OutcomeGroup.NotProcessed => "本机关不予处理",
        _ when Key == RequestOutcomes.NoCorrection.Key || Key == RequestOutcomes.FeeNotPaid.Key => "本机关不再处理您的政府信息公开申请",
        _ => "本机关依法作出上述处理",
    };
}

/// <summary>
/// The 2021-format outcome rows (domain.md §4.3), in report order. Mapping to articles follows domain.md §2 (an engineering
/// reading, to be checked against provincial 填报说明).
/// </summary>
public static class RequestOutcomes
{
    public static RequestOutcome Disclosed { get; } = new("disclosed", "（一）予以公开", OutcomeGroup.Disclosed, "条例第三十六条第（一）项、第（二）项");
    public static RequestOutcome PartlyDisclosed { get; } = new("partly-disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", OutcomeGroup.PartlyDisclosed, "条例第三十七条");

    public static RequestOutcome WithheldStateSecret { get; } = new("withheld-state-secret", "1.属于国家秘密", OutcomeGroup.Withheld, "条例第十四条");
    public static RequestOutcome WithheldProhibitedByLaw { get; } = new("withheld-prohibited-by-law", "2.其他法律行政法规禁止公开", OutcomeGroup.Withheld, "条例第十四条");
    public static RequestOutcome WithheldEndangersSecurity { get; } = new("withheld-endangers-security", "3.危及“三安全一稳定”", OutcomeGroup.Withheld, "条例第十四条");
    public static RequestOutcome WithheldThirdPartyRights { get; } = new("withheld-third-party-rights", "4.保护第三方合法权益", OutcomeGroup.Withheld, "条例第十五条");
    public static RequestOutcome WithheldInternalAffairs { get; } = new("withheld-internal-affairs", "5.属于三类内部事务信息", OutcomeGroup.Withheld, "条例第十六条第一款");
    public static RequestOutcome WithheldProcessInformation { get; } = new("withheld-process-information", "6.属于四类过程性信息", OutcomeGroup.Withheld, "条例第十六条第二款");
    public static RequestOutcome WithheldEnforcementFile { get; } = new("withheld-enforcement-file", "7.属于行政执法案卷", OutcomeGroup.Withheld, "条例第十六条第二款");
    public static RequestOutcome WithheldAdministrativeInquiry { get; } = new("withheld-administrative-inquiry", "8.属于行政查询事项", OutcomeGroup.Withheld, "条例第三十六条第（七）项");

    public static RequestOutcome NotHeld { get; } = new("cannot-provide-not-held", "1.本机关不掌握相关政府信息", OutcomeGroup.CannotProvide, "条例第三十六条第（四）项、第（五）项");
    public static RequestOutcome NeedsCreation { get; } = new("cannot-provide-needs-creation", "2.没有现成信息需要另行制作", OutcomeGroup.CannotProvide, "条例第三十八条");
    public static RequestOutcome UnclearAfterCorrection { get; } = new("cannot-provide-unclear-after-correction", "3.补正后申请内容仍不明确", OutcomeGroup.CannotProvide, "条例第三十条");

    public static RequestOutcome Petition { get; } = new("not-processed-petition", "1.信访举报投诉类申请", OutcomeGroup.NotProcessed, "条例第三十九条第一款");
    public static RequestOutcome Repeat { get; } = new("not-processed-repeat", "2.重复申请", OutcomeGroup.NotProcessed, "条例第三十六条第（六）项");
    public static RequestOutcome Publication { get; } = new("not-processed-publication", "3.要求提供公开出版物", OutcomeGroup.NotProcessed, "条例第三十九条第二款");
    public static RequestOutcome MassRepeat { get; } = new("not-processed-mass-repeat", "4.无正当理由大量反复申请", OutcomeGroup.NotProcessed, "条例第三十五条");
    // No article: a report row for practice (confirming or re-issuing information already obtained), see domain.md §2 mapping.
    public static RequestOutcome ConfirmOrReissue { get; } = new("not-processed-confirm-or-reissue", "5.要求行政机关确认或重新出具已获取信息", OutcomeGroup.NotProcessed, null);

    public static RequestOutcome NoCorrection { get; } = new("other-no-correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", OutcomeGroup.OtherHandling, "条例第三十条");
    public static RequestOutcome FeeNotPaid { get; } = new("other-fee-not-paid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", OutcomeGroup.OtherHandling, "条例第四十二条；国办函〔2020〕109号");
    // E.g. withdrawal by the applicant; no article of its own.
    public static RequestOutcome Other { get; } = new("other", "3.其他", OutcomeGroup.OtherHandling, null);

    /// <summary>The 21 outcome rows in report order (the 2021 table's 25 data rows less 一、二、（七）总计 and 四): 1 + 1 + 8 + 3 + 5 + 3.</summary>
    public static IReadOnlyList<RequestOutcome> All { get; } =
    [
        Disclosed, PartlyDisclosed,
        WithheldStateSecret, WithheldProhibitedByLaw, WithheldEndangersSecurity, WithheldThirdPartyRights,
        WithheldInternalAffairs, WithheldProcessInformation, WithheldEnforcementFile, WithheldAdministrativeInquiry,
        NotHeld, NeedsCreation, UnclearAfterCorrection,
        Petition, Repeat, Publication, MassRepeat, ConfirmOrReissue,
        NoCorrection, FeeNotPaid, Other,
    ];

    public static RequestOutcome ByKey(string key) =>
        All.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.Ordinal))
        ?? throw new RequestWorkflowException($"未知的办理结果：{key}");

    /// <summary>The group header exactly as in the report (（二） is its own data row).</summary>
    public static string Label(this OutcomeGroup group) => group switch
    {
        // （一） and （二） are data rows of their own: the same labels as their outcomes.
        OutcomeGroup.Disclosed => RequestOutcomes.Disclosed.Label,
        OutcomeGroup.PartlyDisclosed => RequestOutcomes.PartlyDisclosed.Label,
        OutcomeGroup.Withheld => "（三）不予公开",
        OutcomeGroup.CannotProvide => "（四）无法提供",
        OutcomeGroup.NotProcessed => "（五）不予处理",
        OutcomeGroup.OtherHandling => "（六）其他处理",
        _ => group.ToString(),
    };
}
