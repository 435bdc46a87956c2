namespace Gongkai.Domain.Catalog;

/// <summary>The statutory reasons an item is not disclosed, each resting on an article of the 条例.</summary>
public enum WithholdingReason
{
    None = 0,
    /// <summary>条例第十四条: 依法确定为国家秘密.</summary>
    StateSecret = 1,
    /// <summary>条例第十四条: 法律、行政法规禁止公开.</summary>
    ProhibitedByLaw = 2,
    /// <summary>条例第十四条: 公开后可能危及国家安全、公共安全、经济安全、社会稳定.</summary>
    EndangersSecurity = 3,
    /// <summary>条例第十五条: 商业秘密、个人隐私等，公开会对第三方合法权益造成损害.</summary>
    ThirdPartyRights = 4,
    /// <summary>条例第十六条第一款: 内部事务信息（人事管理、后勤管理、内部工作流程）.</summary>
    InternalAffairs = 5,
    /// <summary>条例第十六条第二款: 过程性信息（讨论记录、过程稿、磋商信函、请示报告）.</summary>
    ProcessInformation = 6,
    /// <summary>条例第十六条第二款: 行政执法案卷信息.</summary>
    EnforcementFile = 7,
}

public static class WithholdingReasons
{
    public static string Label(this WithholdingReason reason) => reason switch
    {
        WithholdingReason.StateSecret => "属于国家秘密（条例第十四条）",
        WithholdingReason.ProhibitedByLaw => "法律、行政法规禁止公开（条例第十四条）",
        WithholdingReason.EndangersSecurity => "危及“三安全一稳定”（条例第十四条）",
        WithholdingReason.ThirdPartyRights => "保护第三方合法权益（条例第十五条）",
        WithholdingReason.InternalAffairs => "属于三类内部事务信息（条例第十六条第一款）",
        WithholdingReason.ProcessInformation => "属于四类过程性信息（条例第十六条第二款）",
        WithholdingReason.EnforcementFile => "属于行政执法案卷（条例第十六条第二款）",
        _ => "",
    };
}
