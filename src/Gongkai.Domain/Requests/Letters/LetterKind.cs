namespace Gongkai.Domain.Requests.Letters;

/// <summary>The letters a 政府信息公开工作机构 sends while handling an application.</summary>
public enum LetterKind
{
    /// <summary>受理回执 — confirms the application and its 收到日期 (条例第三十一条).</summary>
    Receipt = 1,
    /// <summary>补正告知书 — what to correct and by when (条例第三十条).</summary>
    CorrectionNotice = 2,
    /// <summary>延期答复告知书 — the extension and the new due date (条例第三十三条第二款).</summary>
    ExtensionNotice = 3,
    /// <summary>征求第三方意见函 — to the third party, 15 working days to reply (条例第三十二条).</summary>
    ThirdPartyConsultation = 4,
    /// <summary>征求第三方意见告知书 — tells the applicant that the time of the consultation is not counted (条例第三十三条第三款).</summary>
    ConsultationNotice = 5,
    /// <summary>收费通知书 (国办函〔2020〕109号).</summary>
    FeeNotice = 6,
    /// <summary>答复告知书 (条例第三十六条).</summary>
    Answer = 7,
    /// <summary>送达回证 — proof that a letter was served.</summary>
    ServiceReceipt = 8,
}

public static class LetterKinds
{
    public static string Label(this LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "受理回执",
        LetterKind.CorrectionNotice => "补正告知书",
        LetterKind.ExtensionNotice => "延期答复告知书",
        LetterKind.ThirdPartyConsultation => "征求第三方意见函",
        LetterKind.ConsultationNotice => "征求第三方意见告知书",
        LetterKind.FeeNotice => "收费通知书",
        LetterKind.Answer => "答复告知书",
        LetterKind.ServiceReceipt => "送达回证",
        _ => kind.ToString(),
    };

    /// <summary>The title printed on the letter.</summary>
    public static string Title(this LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "政府信息公开申请受理回执",
        LetterKind.CorrectionNotice => "政府信息公开申请补正告知书",
        LetterKind.ExtensionNotice => "政府信息公开申请延期答复告知书",
        LetterKind.ThirdPartyConsultation => "政府信息公开征求第三方意见函",
        LetterKind.ConsultationNotice => "政府信息公开申请征求第三方意见告知书",
        LetterKind.FeeNotice => "政府信息公开信息处理费收费通知书",
        LetterKind.Answer => "政府信息公开申请答复告知书",
        LetterKind.ServiceReceipt => "送达回证",
        _ => kind.ToString(),
    };
}
