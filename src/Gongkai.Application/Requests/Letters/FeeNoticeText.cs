using Gongkai.Documents;
using Gongkai.Domain.Fees;

namespace Gongkai.Application.Requests.Letters;

/// <summary>
/// The 收费通知 of a case charged a 信息处理费: basis, method, the tiers crossed, amount, how and by when to pay, and what
/// non-payment means (国办函〔2020〕109号; domain.md §3). The payment instructions come from <c>Letters:FeePaymentInstructions</c>.
/// </summary>
internal static class FeeNoticeText
{
    public static LetterText Compose(LetterFacts f, string? paymentInstructions)
    {
        var record = f.Record;
        var method = record.FeeMethod!.Value;
        var quantity = record.FeeQuantity!.Value;
        var amountFen = record.FeeAmountFen!.Value;
        var payBy = record.FeePaymentDueOn!.Value;
        var bands = System.Text.Json.JsonSerializer.Deserialize<List<FeeBand>>(record.FeeBandsJson ?? "[]") ?? [];
        var unit = method == FeeMethod.PerItem ? "件" : "页";
        var counted = method == FeeMethod.PerItem
            ? $"按件计收，本申请计{quantity}件（本自然月内此前已申请{record.FeePriorQuantity ?? 0}件，累计计算）"
            : $"按量计收，本申请计{quantity}页";
        var lines = new List<string>
        {
            $"本机关于{LetterTexts.ChineseDate(record.ReceivedOn ?? record.FeeNoticeReceivedOn!.Value)}收到您提出的政府信息公开申请（查询码：{record.TrackingCode}），申请获取：{LetterTexts.Sentence(record.Description)}",
            "根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您申请公开政府信息的数量、频次明显超过合理范围，本机关决定收取信息处理费。",
            $"计费方式：{counted}，按照超额累进方式计算。",
        };
        lines.AddRange(bands.Where(b => b.UnitPriceFen > 0).Select(b =>
            $"第{b.FromUnit}—{b.ToUnit}{unit}：{b.UnitPriceFen / 100m:0.##}元/{unit}，{b.Units}{unit}，小计{b.SubtotalFen / 100m:0.00}元。"));
        lines.Add($"应缴信息处理费合计：{amountFen / 100m:0.00}元。");
        lines.Add("缴纳方式：" + (paymentInstructions is { Length: > 0 } how
            ? LetterTexts.Sentence(how)
            : "请按本机关政府信息公开工作机构告知的非税收入缴款方式缴纳，缴款后凭财政票据办理。"));
        lines.Add($"请自收到本通知之日起20个工作日内（即{LetterTexts.ChineseDate(payBy)}前，含当日）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理您的该项政府信息公开申请。");
        lines.Add($"缴费后，本机关继续办理您的申请，所申请信息将按“{record.Delivery.Trim()}”的方式提供。");
        return new(f.ApplicantName + "：", [.. lines.Select(l => new Paragraph(l, FirstLineIndent: true))]);
    }
}
