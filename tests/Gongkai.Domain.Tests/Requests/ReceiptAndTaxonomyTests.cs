using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

public class ReceiptAndTaxonomyTests
{
    private static readonly ReceiptFacts AllFacts = new(
        SubmittedOn: new LocalDate(2024, 3, 1), SignedForOn: new LocalDate(2024, 3, 4), ConfirmedOn: new LocalDate(2024, 3, 5));

    [Theory]
    [InlineData(SubmissionChannel.InPerson, "2024-03-01")]       // 提交之日
    [InlineData(SubmissionChannel.RegisteredPost, "2024-03-04")] // 签收之日
    [InlineData(SubmissionChannel.OrdinaryLetter, "2024-03-05")] // 与申请人确认之日
    [InlineData(SubmissionChannel.Online, "2024-03-05")]         // 双方确认之日
    [InlineData(SubmissionChannel.Email, "2024-03-05")]
    [InlineData(SubmissionChannel.Fax, "2024-03-05")]
    public void ReceiptDate_FollowsArticle31ForEachChannel(SubmissionChannel channel, string expected) =>
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(expected).Value, channel.ReceiptDate(AllFacts));

    [Theory]
    [InlineData(SubmissionChannel.InPerson)]
    [InlineData(SubmissionChannel.RegisteredPost)]
    [InlineData(SubmissionChannel.OrdinaryLetter)]
    [InlineData(SubmissionChannel.Online)]
    public void ReceiptDate_WithoutTheFactTheChannelNeeds_IsRefused(SubmissionChannel channel)
    {
        // Every fact except the one the channel's rule uses.
        var facts = channel switch
        {
            SubmissionChannel.InPerson => AllFacts with { SubmittedOn = null },
            SubmissionChannel.RegisteredPost => AllFacts with { SignedForOn = null },
            _ => AllFacts with { ConfirmedOn = null },
        };
        Assert.Throws<RequestWorkflowException>(() => channel.ReceiptDate(facts));
    }

    [Fact]
    public void Channels_HaveChineseLabelsAndReceiptRules() =>
        Assert.All(Enum.GetValues<SubmissionChannel>(), c =>
        {
            Assert.DoesNotContain(c.ToString(), c.Label(), StringComparison.Ordinal);
            Assert.Contains("条例第三十一条", c.ReceiptRule(), StringComparison.Ordinal);
        });

    [Fact]
    public void Outcomes_AreThe21ReportRowsInOrder_WithExactLabels()
    {
        string[] expected =
        [
            "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
            "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
            "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
        ];
        Assert.Equal(expected, RequestOutcomes.All.Select(o => o.Label));
    }

    [Theory]
    [InlineData(OutcomeGroup.Disclosed, 1)]
    [InlineData(OutcomeGroup.PartlyDisclosed, 1)]
    [InlineData(OutcomeGroup.Withheld, 8)]
    [InlineData(OutcomeGroup.CannotProvide, 3)]
    [InlineData(OutcomeGroup.NotProcessed, 5)]
    [InlineData(OutcomeGroup.OtherHandling, 3)]
    public void Outcomes_PerGroup_MatchThe2021Table(OutcomeGroup group, int count) =>
        Assert.Equal(count, RequestOutcomes.All.Count(o => o.Group == group));

    [Fact]
    public void Outcomes_KeysAreUniqueAndFindable()
    {
        Assert.Equal(RequestOutcomes.All.Count, RequestOutcomes.All.Select(o => o.Key).Distinct().Count());
        Assert.All(RequestOutcomes.All, o => Assert.Same(o, RequestOutcomes.ByKey(o.Key)));
        Assert.Throws<RequestWorkflowException>(() => RequestOutcomes.ByKey("nope"));
    }

    [Fact]
    public void Outcomes_UseFullWidthBracketsAndChineseQuotes()
    {
        Assert.Equal("（三）不予公开", OutcomeGroup.Withheld.Label());
        Assert.Contains("“三安全一稳定”", RequestOutcomes.WithheldEndangersSecurity.Label, StringComparison.Ordinal);
        Assert.All(RequestOutcomes.All, o => Assert.DoesNotContain("(", o.Label, StringComparison.Ordinal));
    }

    [Fact]
    public void Outcomes_WithholdingRestsOnArticles14To16()
    {
        Assert.Equal("条例第十四条", RequestOutcomes.WithheldStateSecret.Article);
        Assert.Equal("条例第十五条", RequestOutcomes.WithheldThirdPartyRights.Article);
        Assert.Equal("条例第十六条第一款", RequestOutcomes.WithheldInternalAffairs.Article);
    }

    [Fact]
    public void ApplicantTypes_AreTheReportColumnsInOrder()
    {
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], ApplicantTypes.All.Select(t => t.Label()));
        Assert.False(ApplicantType.NaturalPerson.IsLegalPersonOrOrganization());
        Assert.True(ApplicantType.LegalServiceInstitution.IsLegalPersonOrOrganization());
    }

    [Theory]
    [InlineData("11010519491231002X", true)]  // GB 11643 example, check character X
    [InlineData("11010519491231002x", true)]  // lower-case x accepted
    [InlineData("440308200002291231", true)]  // 2000-02-29, a leap day
    [InlineData("110105194912310021", false)] // wrong check digit
    [InlineData("110101202302301232", false)] // check digit right, but 2023-02-30 is no date
    [InlineData("11010519491231002", false)]  // 17 characters
    [InlineData("1101051949123100A2", false)] // a letter in the body
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidResidentId_ChecksLengthBirthDateAndMod11Check(string? id, bool valid) =>
        Assert.Equal(valid, IdentityNumbers.IsValidResidentId(id));

    [Fact]
    public void IsValidResidentId_FutureBirthDate_IsRefusedWhenTodayIsGiven()
    {
        Assert.True(IdentityNumbers.IsValidResidentId("440308200002291231", new LocalDate(2024, 1, 1)));
        Assert.False(IdentityNumbers.IsValidResidentId("440308200002291231", new LocalDate(1999, 1, 1)));
    }

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91110000802100433B", true)]
    [InlineData("91350100M000100Y44", false)] // wrong check character
    [InlineData("91110000802100433C", false)]
    [InlineData("91350100M000100I43", false)] // I is not in the code set
    [InlineData("91350100m000100Y43", false)] // lower case is not in the code set
    [InlineData("91350100M000100Y4", false)]
    [InlineData(null, false)]
    public void IsValidCreditCode_ChecksCodeSetAndMod31Check(string? code, bool valid) =>
        Assert.Equal(valid, IdentityNumbers.IsValidCreditCode(code));

    [Fact]
    public void EveryOutcomesCitation_NamesTheInstrumentOnce_InFull() =>
        Assert.All(RequestOutcomes.All, o =>
        {
            Assert.StartsWith("《", o.Citation, StringComparison.Ordinal);
            Assert.DoesNotContain("》条例", o.Citation, StringComparison.Ordinal);
            Assert.DoesNotContain("条例》国办函", o.Citation, StringComparison.Ordinal);
        });

    [Fact]
    public void Citation_WritesOutTheRegulationsAndTheFeeMeasures()
    {
        Assert.Equal("《中华人民共和国政府信息公开条例》第三十七条", RequestOutcomes.PartlyDisclosed.Citation);
        Assert.Equal("《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
            RequestOutcomes.FeeNotPaid.Citation);
    }

    [Fact]
    public void AnAdministrativeInquiry_IsAnsweredWithTheOtherLawsProcedure_NotARefusal()
    {
        // 条例第三十六条第（七）项: counted among 不予公开 in the report, answered by pointing to the special procedure.
        Assert.Equal(OutcomeGroup.Withheld, RequestOutcomes.WithheldAdministrativeInquiry.Group);
        Assert.Equal("请您依照有关法律、行政法规的规定办理", RequestOutcomes.WithheldAdministrativeInquiry.Disposition);
        Assert.Equal("本机关决定不予公开", RequestOutcomes.WithheldStateSecret.Disposition);
    }

    [Theory]
    [InlineData("11010519491231002")]   // GB 11643 example → check X
    [InlineData("44030420010101123")]
    public void CompletingAResidentId_GivesAValidNumber_AndChangingAnyDigitBreaksIt(string first17)
    {
        var id = IdentityNumbers.CompleteResidentId(first17);
        Assert.True(IdentityNumbers.IsValidResidentId(id));
        var tampered = (first17[0] == '9' ? '1' : (char)(first17[0] + 1)) + id[1..];
        Assert.False(IdentityNumbers.IsValidResidentId(tampered));
    }

    [Fact]
    public void CompletingACreditCode_MatchesAPublishedCode() =>
        Assert.Equal("91110000802100433B", IdentityNumbers.CompleteCreditCode("91110000802100433"));
}
