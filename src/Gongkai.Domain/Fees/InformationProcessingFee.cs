using NodaTime;

namespace Gongkai.Domain.Fees;

/// <summary>How a 信息处理费 is charged; a request is charged by exactly one method (国办函〔2020〕109号第三条).</summary>
public enum FeeMethod
{
    /// <summary>按件计收 — by number of requests (件), for any kind of decision.</summary>
    PerItem = 1,
    /// <summary>按量计收 — by pages, when the applicant asks for paper, e-mail or copied electronic data.</summary>
    PerPage = 2,
}

public static class FeeMethods
{
    public static string Label(this FeeMethod method) => method switch
    {
        FeeMethod.PerItem => "按件计收",
        FeeMethod.PerPage => "按量计收",
        _ => method.ToString(),
    };
}

/// <summary>A fee was asked for outside the rules of 国办函〔2020〕109号; the message is shown to staff as is.</summary>
public sealed class FeeException(string message) : Exception(message);

/// <summary>An earlier request by the same applicant, for the 按件 natural-month running total (<see cref="Quantity"/> 件).</summary>
public sealed record PriorRequest(LocalDate On, FeeMethod Method, int Quantity);

/// <summary>One tier of the marginal scale as applied: units <see cref="FromUnit"/>–<see cref="ToUnit"/> (the applicant's running count) at a unit price.</summary>
public sealed record FeeBand(int FromUnit, int ToUnit, long UnitPriceFen)
{
    public int Units => ToUnit - FromUnit + 1;

    public long SubtotalFen => checked(Units * UnitPriceFen);
}

/// <summary>The fee for one request, with the tiers it crossed (printed on the 收费通知).</summary>
/// <param name="PriorQuantity">按件: 件 the same applicant already applied for this natural month; 按量: always 0 (pages are counted per request).</param>
public sealed record FeeAssessment(FeeMethod Method, int Quantity, int PriorQuantity, IReadOnlyList<FeeBand> Bands)
{
    public long AmountFen => Bands.Sum(b => b.SubtotalFen);

    public decimal AmountYuan => AmountFen / 100m;

    /// <summary>Below the free threshold nothing is charged, and no 收费通知 may be sent.</summary>
    public bool IsFree => AmountFen == 0;
}

/// <summary>
/// 信息处理费 under 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), in force 2021-01-01.
/// Both scales are 超额累进 (marginal, 第三条): each unit is priced by the tier it falls in. 按件 counts the applicant's
/// 件 of the whole natural month (第四条: 同一申请人一个自然月内累计申请); 按量 counts the pages of this one request
/// (第五条 has no monthly accumulation), so earlier pages never raise the price of a later request.
/// </summary>
public static class InformationProcessingFee
{
    /// <summary>国办函〔2020〕109号第十三条: in force from 2021-01-01; no fee may be charged for earlier requests.</summary>
    public static LocalDate InForceFrom { get; } = new(2021, 1, 1);

    /// <summary>按件: ≤10 free; 11–30 at 100 元; from 31, each further band of 10 costs 100 元 more per 件.</summary>
    public const int FreeItems = 10;

    /// <summary>按量: ≤30 pages free; 31–100 at 10 元; 101–200 at 20 元; 201 and above at 40 元 per page.</summary>
    public const int FreePages = 30;

    /// <summary>
    /// Upper bound of an applicant's 按件 running total in one natural month. 109号 sets no ceiling, but a month past
    /// 1,000 件 is no longer a fee question: it is the 数量、频次明显超过合理范围 of 条例第三十五条, handled by asking for
    /// reasons or a longer period. The bound keeps the tier list (one band per 10 件) short and the notice printable.
    /// </summary>
    public const int MaxItemsPerMonth = 1_000;

    /// <summary>Upper bound of the pages charged for one application (按量): a million pages is about 200 boxes of paper.</summary>
    public const int MaxPagesPerApplication = 1_000_000;

    /// <summary>
    /// The fee for a request of <paramref name="quantity"/> units by <paramref name="method"/>, received on
    /// <paramref name="appliedOn"/>, given the applicant's earlier requests (any month; for 按件 those of the same
    /// natural month count towards the tier; 按量 ignores them).
    /// </summary>
    public static FeeAssessment Assess(FeeMethod method, int quantity, LocalDate appliedOn, IEnumerable<PriorRequest> history)
    {
        if (appliedOn < InForceFrom)
        {
            throw new FeeException("信息处理费自2021年1月1日起施行（国办函〔2020〕109号），此前收到的申请不得收费。");
        }
        if (method is not (FeeMethod.PerItem or FeeMethod.PerPage))
        {
            throw new FeeException("请选择按件计收或按量计收之一，二者不得同时适用。");
        }
        if (quantity <= 0)
        {
            throw new FeeException(method == FeeMethod.PerItem ? "计费件数必须大于0。" : "计费页数必须大于0。");
        }
        if (method == FeeMethod.PerPage && quantity > MaxPagesPerApplication)
        {
            throw new FeeException($"计费页数不能超过 {MaxPagesPerApplication:N0} 页；请核对页数。");
        }
        if (method == FeeMethod.PerItem && quantity > MaxItemsPerMonth)
        {
            throw new FeeException($"计费件数不能超过 {MaxItemsPerMonth:N0} 件；请核对件数。");
        }
        // 109号第四条: 按件 accumulates per applicant per natural month (自然月内累计); 第五条: 按量 tiers apply to the pages
        // of one request, with no monthly accumulation.
        var prior = method == FeeMethod.PerPage ? 0 : history
            .Where(h => h.Method == FeeMethod.PerItem && h.On.Year == appliedOn.Year && h.On.Month == appliedOn.Month)
            .Sum(h => checked((long)h.Quantity));
        if (prior + quantity > MaxItemsPerMonth && method == FeeMethod.PerItem)
        {
            throw new FeeException(
                $"该申请人本月已累计 {prior:N0} 件，加上本次 {quantity:N0} 件超过 {MaxItemsPerMonth:N0} 件的上限。"
                + "申请数量、频次明显超过合理范围的，依照《中华人民共和国政府信息公开条例》第三十五条处理。");
        }
        var from = (int)prior + 1;
        var to = (int)prior + quantity;
        var bands = method == FeeMethod.PerItem ? PerItemBands(from, to) : PerPageBands(from, to);
        return new FeeAssessment(method, quantity, (int)prior, bands);
    }

    /// <summary>The fee for a first request this month.</summary>
    public static FeeAssessment Assess(FeeMethod method, int quantity, LocalDate appliedOn) => Assess(method, quantity, appliedOn, []);

    /// <summary>The unit price in fen of the <paramref name="unit"/>-th 件 of the month.</summary>
    public static long PerItemPriceFen(int unit) => unit switch
    {
        <= FreeItems => 0,
        <= 30 => 100_00,
        // 31–40: 200 元, 41–50: 300 元, … (every band of 10 adds 100 元).
        _ => checked((2 + (unit - 31) / 10) * 100_00L),
    };

    /// <summary>The unit price in fen of the <paramref name="unit"/>-th page of one request.</summary>
    public static long PerPagePriceFen(int unit) => unit switch
    {
        <= FreePages => 0,
        <= 100 => 10_00,
        <= 200 => 20_00,
        _ => 40_00,
    };

    private static List<FeeBand> PerItemBands(int from, int to)
    {
        List<(int From, int To)> tiers = [(1, FreeItems), (FreeItems + 1, 30)];
        var bands = Clip(tiers, from, to, PerItemPriceFen);
        // Open-ended bands of 10 from 31 on; only those the request reaches.
        for (var start = Math.Max(31, 31 + ((from - 31) / 10 * 10)); start <= to; start = checked(start + 10))
        {
            var end = start + 9;
            bands.AddRange(Clip([(start, end)], from, to, PerItemPriceFen));
        }
        return bands;
    }

    private static List<FeeBand> PerPageBands(int from, int to) =>
        Clip([(1, FreePages), (FreePages + 1, 100), (101, 200), (201, int.MaxValue)], from, to, PerPagePriceFen);

    private static List<FeeBand> Clip(List<(int From, int To)> tiers, int from, int to, Func<int, long> price)
    {
        var bands = new List<FeeBand>();
        foreach (var (tierFrom, tierTo) in tiers)
        {
            var a = Math.Max(tierFrom, from);
            var b = Math.Min(tierTo, to);
            if (a <= b)
            {
                bands.Add(new FeeBand(a, b, price(a)));
            }
        }
        return bands;
    }
}
