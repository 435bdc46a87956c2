using Gongkai.Domain.Fees;
using NodaTime;

namespace Gongkai.Domain.Tests.Fees;

public class InformationProcessingFeeTests
{
    private static readonly LocalDate March2024 = new(2024, 3, 15);

    [Fact]
    public void PerPage_2219Pages_Is83460Yuan_AsInTheReportedNotice()
    {
        // 70 × 10 + 100 × 20 + 2019 × 40 = 83 460 元.
        var fee = InformationProcessingFee.Assess(FeeMethod.PerPage, 2219, March2024);
        Assert.Equal(83_460m, fee.AmountYuan);
        Assert.Equal(8_346_000L, fee.AmountFen);
        Assert.Equal([(1, 30, 0L), (31, 100, 1000L), (101, 200, 2000L), (201, 2219, 4000L)],
            fee.Bands.Select(b => (b.FromUnit, b.ToUnit, b.UnitPriceFen)));
    }

    [Theory]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    public void PerPage_AtTierBoundaries_ChargesMarginally(int pages, int expectedYuan) =>
        Assert.Equal(expectedYuan, InformationProcessingFee.Assess(FeeMethod.PerPage, pages, March2024).AmountYuan);

    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(31, 2200)]
    [InlineData(40, 4000)]
    [InlineData(41, 4300)]
    [InlineData(50, 7000)]
    [InlineData(51, 7400)]
    public void PerItem_AtTierBoundaries_ChargesMarginally(int items, int expectedYuan) =>
        Assert.Equal(expectedYuan, InformationProcessingFee.Assess(FeeMethod.PerItem, items, March2024).AmountYuan);

    [Fact]
    public void BelowTheFreeThreshold_IsFree()
    {
        Assert.True(InformationProcessingFee.Assess(FeeMethod.PerItem, 10, March2024).IsFree);
        Assert.True(InformationProcessingFee.Assess(FeeMethod.PerPage, 30, March2024).IsFree);
    }

    [Fact]
    public void PerItem_EarlierApplicationsInTheSameMonth_RaiseTheTier()
    {
        // 9 件 already this month: this request's 3 件 are the 10th (free), 11th and 12th (100 元 each).
        PriorRequest[] history = [new(new LocalDate(2024, 3, 1), FeeMethod.PerItem, 9)];
        var fee = InformationProcessingFee.Assess(FeeMethod.PerItem, 3, March2024, history);
        Assert.Equal(9, fee.PriorQuantity);
        Assert.Equal(200m, fee.AmountYuan);
    }

    [Fact]
    public void PerPage_IsCountedPerApplication_EarlierPagesThisMonthDoNotRaiseTheTier()
    {
        // 109号第五条 has no 自然月内累计: 20 pages are free whatever the applicant asked for earlier in the month.
        PriorRequest[] history = [new(new LocalDate(2024, 3, 2), FeeMethod.PerPage, 190), new(new LocalDate(2024, 3, 2), FeeMethod.PerItem, 12)];
        var fee = InformationProcessingFee.Assess(FeeMethod.PerPage, 20, March2024, history);
        Assert.True(fee.IsFree);
        Assert.Equal(0, fee.PriorQuantity);
    }

    [Fact]
    public void ANewNaturalMonth_ResetsTheCount()
    {
        PriorRequest[] history = [new(new LocalDate(2024, 2, 29), FeeMethod.PerItem, 40)];
        Assert.True(InformationProcessingFee.Assess(FeeMethod.PerItem, 10, new LocalDate(2024, 3, 1), history).IsFree);
    }

    [Fact]
    public void TheSameMonthOfAnotherYear_DoesNotCount()
    {
        PriorRequest[] history = [new(new LocalDate(2023, 3, 10), FeeMethod.PerItem, 40)];
        Assert.Equal(0, InformationProcessingFee.Assess(FeeMethod.PerItem, 5, March2024, history).PriorQuantity);
    }

    [Fact]
    public void TheOtherMethodsHistory_DoesNotCount()
    {
        PriorRequest[] history = [new(new LocalDate(2024, 3, 1), FeeMethod.PerPage, 500)];
        Assert.True(InformationProcessingFee.Assess(FeeMethod.PerItem, 10, March2024, history).IsFree);
    }

    [Fact]
    public void PerItem_SplittingAcrossApplicationsInOneMonth_CostsTheSameAsOneApplication()
    {
        var whole = InformationProcessingFee.Assess(FeeMethod.PerItem, 45, March2024).AmountFen;
        var first = InformationProcessingFee.Assess(FeeMethod.PerItem, 20, March2024);
        var second = InformationProcessingFee.Assess(FeeMethod.PerItem, 25, March2024, [new(March2024, FeeMethod.PerItem, 20)]);
        Assert.Equal(whole, first.AmountFen + second.AmountFen);
    }

    [Fact]
    public void PerItemPrice_RisesBy100YuanPerBandOfTen()
    {
        Assert.Equal(200_00, InformationProcessingFee.PerItemPriceFen(40));
        Assert.Equal(300_00, InformationProcessingFee.PerItemPriceFen(41));
        Assert.Equal(800_00, InformationProcessingFee.PerItemPriceFen(100)); // 91–100: the 7th band above 30
        Assert.Equal(900_00, InformationProcessingFee.PerItemPriceFen(101));
    }

    [Fact]
    public void ApplicationBefore2021_IsRefused()
    {
        var ex = Assert.Throws<FeeException>(() => InformationProcessingFee.Assess(FeeMethod.PerPage, 500, new LocalDate(2020, 12, 31)));
        Assert.Contains("2021年1月1日", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstDayInForce_IsCharged() =>
        Assert.False(InformationProcessingFee.Assess(FeeMethod.PerPage, 500, new LocalDate(2021, 1, 1)).IsFree);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NonPositiveQuantity_IsRefused(int quantity) =>
        Assert.Throws<FeeException>(() => InformationProcessingFee.Assess(FeeMethod.PerItem, quantity, March2024));

    [Fact]
    public void UndefinedMethod_IsRefused() =>
        Assert.Throws<FeeException>(() => InformationProcessingFee.Assess((FeeMethod)3, 5, March2024));

    // A staff request with a huge 按件 quantity once built one band per 10 件 (200 million objects, 10 GB, 103 s).
    [Theory]
    [InlineData(FeeMethod.PerItem, int.MaxValue)]
    [InlineData(FeeMethod.PerItem, InformationProcessingFee.MaxItemsPerMonth + 1)]
    [InlineData(FeeMethod.PerPage, int.MaxValue)]
    [InlineData(FeeMethod.PerPage, InformationProcessingFee.MaxPagesPerApplication + 1)]
    public void QuantityAboveTheDocumentedBound_IsRefusedAtOnce(FeeMethod method, int quantity)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var error = Assert.Throws<FeeException>(() => InformationProcessingFee.Assess(method, quantity, March2024));
        Assert.Contains("不能超过", error.Message, StringComparison.Ordinal);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void PerItem_AtTheMonthlyBound_HasOneBandPerTenItemsAndNoMore()
    {
        var fee = InformationProcessingFee.Assess(FeeMethod.PerItem, InformationProcessingFee.MaxItemsPerMonth, March2024);

        // 1–10 free, 11–30, then 97 bands of 10 up to 1,000.
        Assert.Equal(2 + 97, fee.Bands.Count);
        Assert.Equal(1_000, fee.Bands[^1].ToUnit);
    }

    [Fact]
    public void PerItem_RunningTotalPastTheBound_IsRefusedWithArticle35()
    {
        PriorRequest[] history = [new(March2024.PlusDays(-3), FeeMethod.PerItem, 999)];

        var error = Assert.Throws<FeeException>(() => InformationProcessingFee.Assess(FeeMethod.PerItem, 2, March2024, history));

        Assert.Contains("第三十五条", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerPage_AtTheBound_IsPricedInFourBands() =>
        Assert.Equal(4, InformationProcessingFee.Assess(FeeMethod.PerPage, InformationProcessingFee.MaxPagesPerApplication, March2024).Bands.Count);
}
