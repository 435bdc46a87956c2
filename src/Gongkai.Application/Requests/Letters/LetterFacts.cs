using Gongkai.Application.Agencies;
using Gongkai.Domain.Requests;
using Gongkai.Domain.Requests.Letters;

namespace Gongkai.Application.Requests.Letters;

/// <summary>What a letter is composed from: the case, its agency, the decrypted applicant data and the case's last steps.</summary>
public sealed record LetterFacts(
    RequestRecord Record,
    Agency Agency,
    string ApplicantName,
    string? ApplicantAddress,
    RequestCorrectionRow? Correction,
    RequestPauseRow? ThirdParty,
    IssuedLetter? LastServable,
    DateOnly Today,
    Agency? Parent = null)
{
    /// <summary>
    /// The 复议机关 the letter names: the configured one; else, under a government in the agency tree, that government — the
    /// 本级人民政府 of a department, the 上一级人民政府 of a government or township (《行政复议法》(2023) 第二十四条第一款
    /// 第（一）项、第（三）项); else null, and the letter names it generically. Vertically led bodies (第二十七条) configure theirs.
    /// </summary>
    public string? ReviewBody => !string.IsNullOrWhiteSpace(Agency.ReviewBody) ? Agency.ReviewBody
        : Parent is { Kind: Domain.Agencies.AgencyKind.Government } government ? government.Name
        : null;

    /// <summary>
    /// Why <paramref name="kind"/> cannot be written for this case in its present state, or null when it can. A letter
    /// needs the step it reports: no 延期答复告知书 for a case never extended.
    /// </summary>
    public string? Unavailable(LetterKind kind) => kind switch
    {
        LetterKind.Receipt when Record.ReceivedOn is null => "申请尚未登记收到日期，不能生成受理回执。",
        LetterKind.CorrectionNotice when Correction is null => "本案未发出补正通知，不能生成补正告知书。",
        LetterKind.ExtensionNotice when Record.ExtensionApprovedOn is null => "本案未延长答复期限，不能生成延期答复告知书。",
        LetterKind.ThirdPartyConsultation or LetterKind.ConsultationNotice when ThirdParty is null =>
            $"本案未征求第三方意见，不能生成{kind.Label()}。",
        LetterKind.FeeNotice when Record is not { FeeNoticeReceivedOn: not null, FeeMethod: not null, FeeQuantity: not null, FeeAmountFen: not null, FeePaymentDueOn: not null } =>
            "本案未登记收费通知，不能生成收费通知书。",
        LetterKind.Answer when Record.OutcomeKey is null => "尚未作出答复决定，不能生成告知书。",
        LetterKind.ServiceReceipt when LastServable is null => "本案尚无已生成的告知书，不能生成送达回证。",
        _ when !Enum.IsDefined(kind) => "请选择文书种类。",
        _ => null,
    };

    /// <summary>The kinds the case's present state allows, in the order a case meets them.</summary>
    public IReadOnlyList<LetterKind> Available => [.. Enum.GetValues<LetterKind>().Where(k => Unavailable(k) is null)];

    /// <summary>The date printed on the letter: the day of the step it reports where there is one, else today.</summary>
    public DateOnly DateOf(LetterKind kind) => kind switch
    {
        LetterKind.FeeNotice => Record.FeeNoticeReceivedOn ?? Today,
        LetterKind.Answer => Record.AnsweredOn ?? Record.ClosedOn ?? Record.DecidedOn ?? Today,
        _ => Today,
    };

    public RequestOutcome? Outcome => Record.OutcomeKey is { } key ? RequestOutcomes.ByKey(key) : null;
}
