using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>条例第二十九条: any valid identity document proves identity; each type has its own format.</summary>
public class IdentityDocumentsTests
{
    private static readonly LocalDate Today = new(2026, 11, 29);

    // A 2023 外国人永久居留身份证 (9 + region + nationality code, birth date, sequence, MOD 11-2 check) and a 港澳台居民居住证.
    private static readonly string NewForeignCard = IdentityNumbers.CompleteResidentId("93115619800101001");
    private static readonly string HongKongResidencePermit = IdentityNumbers.CompleteResidentId("81000019900215002");

    public static TheoryData<IdentityDocumentType, string> Valid => new()
    {
        { IdentityDocumentType.ResidentIdCard, "11010519491231002X" },
        { IdentityDocumentType.Passport, "E12345678" },
        { IdentityDocumentType.Passport, "X1234" },
        { IdentityDocumentType.Passport, "123456789ABCDEFGH" },
        { IdentityDocumentType.HongKongMacaoPermit, "H12345678" },
        { IdentityDocumentType.HongKongMacaoPermit, "M1234567890" },
        { IdentityDocumentType.TaiwanPermit, "12345678" },
        { IdentityDocumentType.TaiwanPermit, "1234567890" },
        { IdentityDocumentType.TaiwanPermit, "1234567890(B)" },
        { IdentityDocumentType.ForeignPermanentResidentCard, "USA310112345678" },
        { IdentityDocumentType.ForeignPermanentResidentCard, NewForeignCard },
        { IdentityDocumentType.HongKongMacaoTaiwanResidencePermit, HongKongResidencePermit },
        { IdentityDocumentType.CreditCode, "91110000802100433B" },
        { IdentityDocumentType.OtherRegistration, "京民证字第010203号" },
    };

    [Theory, MemberData(nameof(Valid))]
    public void AWellFormedNumber_OfItsType_IsAccepted(IdentityDocumentType type, string number) =>
        Assert.Null(IdentityDocuments.Check(type, IdentityDocuments.Normalize(type, number), Today));

    public static TheoryData<IdentityDocumentType, string, string> Invalid => new()
    {
        { IdentityDocumentType.Passport, "E1234-5678", "护照号码只能包含字母和数字（5至17位）。" },
        { IdentityDocumentType.Passport, "E12345678!", "护照号码只能包含字母和数字（5至17位）。" },
        { IdentityDocumentType.Passport, "E123", "护照号码格式不正确：应为5至17位字母或数字。" },
        { IdentityDocumentType.Passport, "123456789ABCDEFGHI", "护照号码格式不正确：应为5至17位字母或数字。" },
        { IdentityDocumentType.HongKongMacaoPermit, "C12345678", "港澳居民来往内地通行证号码格式不正确：应为H或M加8位或10位数字。" },
        { IdentityDocumentType.HongKongMacaoPermit, "H123456789", "港澳居民来往内地通行证号码格式不正确：应为H或M加8位或10位数字。" },
        { IdentityDocumentType.TaiwanPermit, "1234567", "台湾居民来往大陆通行证号码格式不正确：应为8位数字，或10位数字（可带校验字母）。" },
        { IdentityDocumentType.ForeignPermanentResidentCard, "US3101123456789", "外国人永久居留身份证号码格式不正确：应为15位（3位字母加12位数字）或以9开头的18位号码。" },
        // A 居民身份证 number is not a 2023 permanent resident card: it does not start with 9.
        { IdentityDocumentType.ForeignPermanentResidentCard, "11010519491231002X", "外国人永久居留身份证号码格式不正确：应为15位（3位字母加12位数字）或以9开头的18位号码。" },
        { IdentityDocumentType.HongKongMacaoTaiwanResidencePermit, "11010519491231002X", "港澳台居民居住证号码格式不正确：应为以810000、820000或830000开头的18位号码。" },
        { IdentityDocumentType.ResidentIdCard, "110105194912310021", "居民身份证号码无效：请核对18位号码（含出生日期和末位校验码）。" },
        { IdentityDocumentType.CreditCode, "91110000802100433C", "统一社会信用代码无效：请核对18位代码（含末位校验码）。" },
        { IdentityDocumentType.OtherRegistration, new string('1', 51), "登记证号不能超过50个字符。" },
    };

    [Theory, MemberData(nameof(Invalid))]
    public void AMalformedNumber_IsRefused_WithAMessageNamingTheDocument(IdentityDocumentType type, string number, string message) =>
        Assert.Equal(message, IdentityDocuments.Check(type, IdentityDocuments.Normalize(type, number), Today));

    [Fact]
    public void AResidencePermit_WithABadCheckDigit_IsRefused()
    {
        var bad = HongKongResidencePermit[..17] + (HongKongResidencePermit[17] == '0' ? '1' : '0');
        Assert.NotNull(IdentityDocuments.Check(IdentityDocumentType.HongKongMacaoTaiwanResidencePermit, bad, Today));
    }

    [Fact]
    public void EveryType_HasAStableKeyAndItsChineseLabel_AndIsFoundByKey()
    {
        Assert.Equal(
            ["居民身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证", "港澳台居民居住证", "统一社会信用代码", "其他登记证号"],
            IdentityDocuments.All.Select(d => d.Label));
        Assert.Equal(IdentityDocuments.All.Count, IdentityDocuments.All.Select(d => d.Key).Distinct().Count());
        Assert.All(IdentityDocuments.All, d => Assert.Equal(d.Type, IdentityDocuments.ByKey(d.Key)));
        Assert.Equal(IdentityDocumentType.Passport, IdentityDocuments.ByKey("Passport"));
        Assert.Null(IdentityDocuments.ByKey("driving-licence"));
    }

    [Fact]
    public void OnlyTheTwoOrganisationDocuments_AreForOrganisations() =>
        Assert.Equal([IdentityDocumentType.CreditCode, IdentityDocumentType.OtherRegistration],
            IdentityDocuments.All.Where(d => !d.ForNaturalPerson).Select(d => d.Type));

    [Theory]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("USA310112345678", "USA********5678")]
    [InlineData("E12345678", "E1*****78")]
    [InlineData("H1234567890", "H1*******90")]
    [InlineData("X1234", "X***4")]
    [InlineData("1234", "****")]
    public void Masking_HidesMostOfEveryKindOfNumber(string number, string masked) =>
        Assert.Equal(masked, IdentityDocuments.Mask(number));
}
