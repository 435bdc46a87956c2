using Gongkai.Documents;
using Gongkai.Domain.Requests;
using Gongkai.Domain.Requests.Letters;

namespace Gongkai.Application.Requests.Letters;

/// <summary>A letter's text before layout: whom it is addressed to (null: a form without one) and its body.</summary>
public sealed record LetterText(string? Addressee, IReadOnlyList<Block> Body);

/// <summary>
/// The wording of the procedural letters (the answer letter comes from its editable template, see <see cref="AnswerLetters"/>,
/// the fee notice from <see cref="FeeNoticeText"/>). Each cites the article that makes the office send it.
/// </summary>
internal static class LetterTexts
{
    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private static Paragraph P(string text) => new(text, FirstLineIndent: true);

    private static string Received(LetterFacts f) =>
        $"本机关于{ChineseDate(f.Record.ReceivedOn ?? f.Today)}收到您提出的政府信息公开申请（查询码：{f.Record.TrackingCode}），申请获取：{Sentence(f.Record.Description)}";

    /// <summary>Ends free text with one 。 whatever the clerk typed (no "。。" in a letter).</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim().TrimEnd('。', '，', '；', '：', '.', ',', ';', ':');
        return trimmed.Length == 0 ? "" : trimmed + "。";
    }

    private static string Delivery(LetterFacts f) => string.IsNullOrWhiteSpace(f.Record.Delivery) ? "您选择的方式" : $"“{f.Record.Delivery.Trim()}”的方式";

    public static LetterText Compose(LetterKind kind, LetterFacts f) => kind switch
    {
        LetterKind.Receipt => Receipt(f),
        LetterKind.CorrectionNotice => Correction(f),
        LetterKind.ExtensionNotice => Extension(f),
        LetterKind.ThirdPartyConsultation => ThirdParty(f),
        LetterKind.ConsultationNotice => ConsultationNotice(f),
        LetterKind.ServiceReceipt => ServiceReceipt(f),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Composed elsewhere."),
    };

    /// <summary>条例第三十一条: the receipt date, and when and how the answer will come.</summary>
    private static LetterText Receipt(LetterFacts f)
    {
        var r = f.Record;
        var due = r.DueOn is { } d ? $"（即{ChineseDate(d)}前）" : "";
        return new(f.ApplicantName + "：",
        [
            P(Received(f)),
            P($"您的申请以“{r.Channel.Label()}”方式提交。根据《中华人民共和国政府信息公开条例》第三十一条的规定，本机关收到申请的日期为{ChineseDate(r.ReceivedOn ?? f.Today)}。"),
            P($"根据条例第三十三条的规定，本机关将自收到申请之日起20个工作日内{due}作出答复；需要延长答复期限的，将另行书面告知。"
                + $"答复及所提供的信息将按{Delivery(f)}送达，您也可以凭查询码和查询密码在本平台查询办理进度。"),
        ]);
    }

    /// <summary>条例第三十条: what to correct and the period; the clock restarts on the corrected application.</summary>
    private static LetterText Correction(LetterFacts f)
    {
        var c = f.Correction!;
        var what = string.IsNullOrWhiteSpace(c.Content) ? "请对申请获取的政府信息的名称、文号或者便于查询的其他特征性描述作出补正。" : Sentence(c.Content);
        return new(f.ApplicantName + "：",
        [
            P(Received(f)),
            P("经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对申请作出补正，需要补正的事项如下：" + what),
            P($"请于{ChineseDate(c.DueOn)}前（含当日）补正，可以通过本平台、当面或者邮寄的方式提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。"
                + "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        ]);
    }

    /// <summary>条例第三十三条第二款: extended once, by at most 20 working days, with the approval of the office's head.</summary>
    private static LetterText Extension(LetterFacts f)
    {
        var r = f.Record;
        var reason = string.IsNullOrWhiteSpace(r.ExtensionReason) ? "" : $"因{Sentence(r.ExtensionReason).TrimEnd('。')}，";
        var approver = string.IsNullOrWhiteSpace(r.ExtensionApprovedBy) ? "政府信息公开工作机构负责人" : $"政府信息公开工作机构负责人{r.ExtensionApprovedBy.Trim()}";
        var due = r.DueOn is { } d ? $"延长后的答复期限至{ChineseDate(d)}（不含依法不计算在答复期限内的时间）。" : "";
        return new(f.ApplicantName + "：",
        [
            P(Received(f)),
            P($"{reason}本机关不能在规定期限内作出答复。经{approver}于{ChineseDate(r.ExtensionApprovedOn!.Value)}同意，"
                + $"根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长{r.ExtensionWorkingDays ?? 20}个工作日。{due}"),
            P($"本机关将在延长后的期限内作出答复，答复及所提供的信息将按{Delivery(f)}送达。"),
        ]);
    }

    /// <summary>
    /// 条例第三十二条: to the third party, who has 15 working days to answer. The applicant is not named (the third party
    /// learns what is asked for, not who asks).
    /// </summary>
    private static LetterText ThirdParty(LetterFacts f)
    {
        var party = string.IsNullOrWhiteSpace(f.ThirdParty!.Counterparty) ? "第三方" : f.ThirdParty.Counterparty.Trim();
        return new(party + "：",
        [
            P($"本机关于{ChineseDate(f.Record.ReceivedOn ?? f.Today)}收到一份政府信息公开申请，申请获取：{Sentence(f.Record.Description)}"),
            P("经审查，该申请公开的政府信息可能涉及您（单位）的商业秘密、个人隐私，公开后可能损害您（单位）的合法权益。"
                + "根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您（单位）的意见。"),
            P($"请自收到本函之日起{DeadlinePolicy.ConsultationWorkingDays}个工作日内提出书面意见，同意或者不同意公开，并说明理由。"
                + "逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；"
                + "本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。"),
        ]);
    }

    /// <summary>条例第三十三条第三款: the time the consultation takes is not counted; the applicant is told so.</summary>
    private static LetterText ConsultationNotice(LetterFacts f) => new(f.ApplicantName + "：",
    [
        P(Received(f)),
        P($"您申请公开的政府信息可能涉及第三方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，本机关已于{ChineseDate(f.ThirdParty!.From)}书面征求第三方意见，"
            + $"第三方应当自收到征求意见书之日起{DeadlinePolicy.ConsultationWorkingDays}个工作日内提出意见。"),
        P($"根据条例第三十三条第三款的规定，征求第三方意见所需时间不计算在答复期限内。本机关将在第三方提出意见或者期限届满后继续办理，并在答复期限内作出答复，答复将按{Delivery(f)}送达。"),
    ]);

    /// <summary>送达回证: the letter served, to whom, how and where; the server's and the recipient's signatures are left blank.</summary>
    private static LetterText ServiceReceipt(LetterFacts f)
    {
        var served = f.LastServable!;
        static Cell Label(string text) => new(text, Alignment: Alignment.Center);
        static Cell Value(string text) => new(text, Alignment: Alignment.Left);
        var table = new Table(
        [
            [Label("送达文书名称"), Value(served.Kind.Title())],
            [Label("文号"), Value(served.Number)],
            [Label("受送达人"), Value(served.Addressee)],
            [Label("送达方式"), Value(string.IsNullOrWhiteSpace(f.Record.Delivery) ? "" : f.Record.Delivery.Trim())],
            [Label("送达地点"), Value(f.ApplicantAddress ?? "")],
            [Label("送达人"), Value("")],
            [Label("受送达人签收"), Value("（签名或者盖章）　　　　年　　月　　日")],
            [Label("备注"), Value("")],
        ]);
        return new(null, [table]);
    }
}
