using Gongkai.Domain.Requests;
using Gongkai.Domain.Requests.Letters;

namespace Gongkai.Tests.Requests.Letters;

/// <summary>复议前置 (《行政复议法》(2023) 第二十三条第一款第（四）项, in force 2024-01-01) and the periods each letter states.</summary>
public sealed class RemedyNoticeTests
{
    private const string Body = "示例县人民政府";

    [Fact]
    public void ARefusalDated29December2023_KeepsTheChoiceOfReconsiderationOrLawsuit()
    {
        var notice = RemedyNotice.For(OutcomeGroup.Withheld, new DateOnly(2023, 12, 29), Body);

        Assert.False(notice.ReconsiderationFirst);
        Assert.Equal([RemedyKind.Reconsideration, RemedyKind.Litigation], notice.Remedies.Select(r => r.Kind));
        Assert.Contains("《中华人民共和国行政复议法》第九条", notice.Sentence, StringComparison.Ordinal);
        Assert.Contains("六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）", notice.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusalDated2January2024_OffersReconsiderationOnly_AndALawsuitOnlyAfterTheDecision()
    {
        var notice = RemedyNotice.For(OutcomeGroup.Withheld, new DateOnly(2024, 1, 2), Body);

        Assert.True(notice.ReconsiderationFirst);
        Assert.Equal([RemedyKind.Reconsideration, RemedyKind.LitigationAfterReconsideration], notice.Remedies.Select(r => r.Kind));
        Assert.Contains("六十日内向示例县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）", notice.Sentence, StringComparison.Ordinal);
        Assert.Contains("第二十三条第一款第（四）项", notice.Sentence, StringComparison.Ordinal);
        Assert.Contains("自收到行政复议决定书之日起十五日内", notice.Sentence, StringComparison.Ordinal);
        Assert.Contains("《中华人民共和国行政诉讼法》第四十五条", notice.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("六个月", notice.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("或者", notice.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialDisclosureFrom2024_IsARefusalInPart_AndGoesToReconsiderationFirst()
    {
        var notice = RemedyNotice.For(OutcomeGroup.PartlyDisclosed, new DateOnly(2024, 1, 2), Body);

        Assert.True(notice.ReconsiderationFirst);
        Assert.DoesNotContain("六个月", notice.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutcomeGroup.Disclosed)]
    [InlineData(OutcomeGroup.CannotProvide)]
    [InlineData(OutcomeGroup.NotProcessed)]
    [InlineData(OutcomeGroup.OtherHandling)]
    public void OtherOutcomesFrom2024_KeepTheChoice_WithThe2023Articles(OutcomeGroup group)
    {
        var notice = RemedyNotice.For(group, new DateOnly(2024, 1, 2), Body);

        Assert.False(notice.ReconsiderationFirst);
        Assert.Equal(["《中华人民共和国行政复议法》第二十条", "《中华人民共和国行政诉讼法》第四十六条"], notice.Remedies.Select(r => r.Article));
        Assert.Contains("或者自收到本告知书之日起六个月内", notice.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void NoLetterCitesArticle51ForThePeriods()
    {
        var sentences = Enum.GetValues<OutcomeGroup>().SelectMany(g => new[] { new DateOnly(2023, 12, 29), new DateOnly(2024, 1, 2) }
            .Select(d => RemedyNotice.For(g, d, null).Sentence));

        Assert.All(sentences, s => Assert.DoesNotContain("第五十一条", s, StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAConfiguredBody_TheLetterNamesTheReviewBodyTheLawAssigns()
    {
        var notice = RemedyNotice.For(OutcomeGroup.Withheld, new DateOnly(2026, 3, 2), " ");

        Assert.Contains("向依法对本机关行使行政复议管辖权的行政复议机关（本级人民政府；本机关为人民政府的，为上一级人民政府）申请行政复议", notice.Sentence, StringComparison.Ordinal);
    }
}
