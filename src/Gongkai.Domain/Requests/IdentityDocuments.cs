using System.Text.RegularExpressions;
using NodaTime;

namespace Gongkai.Domain.Requests;

/// <summary>
/// 条例第二十九条第（一）项: the applicant's 身份证明 — any valid identity document for a person, the 统一社会信用代码 or
/// another registration number for an organisation. Stored as its number; the key is stable, the label is the document's name.
/// </summary>
public enum IdentityDocumentType
{
    /// <summary>居民身份证.</summary>
    ResidentIdCard = 1,
    /// <summary>护照 (any country's).</summary>
    Passport = 2,
    /// <summary>港澳居民来往内地通行证.</summary>
    HongKongMacaoPermit = 3,
    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit = 4,
    /// <summary>外国人永久居留身份证.</summary>
    ForeignPermanentResidentCard = 5,
    /// <summary>港澳台居民居住证.</summary>
    HongKongMacaoTaiwanResidencePermit = 6,
    /// <summary>统一社会信用代码 (organisations).</summary>
    CreditCode = 10,
    /// <summary>其他登记证号 — e.g. an organisation registered before the credit code or abroad.</summary>
    OtherRegistration = 11,
}

/// <summary>One document type as data: stable key, exact Chinese label, and who may use it.</summary>
public sealed record IdentityDocument(IdentityDocumentType Type, string Key, string Label, bool ForNaturalPerson, string FormatHint);

/// <summary>The document types, their labels and their format checks.</summary>
public static partial class IdentityDocuments
{
    /// <summary>Bound of an organisation's "other registration number" (free text, but a number, not a paragraph).</summary>
    public const int MaxOtherRegistrationLength = 50;

    /// <summary>Bound of the 法定代表人 or 联系人 name.</summary>
    public const int MaxContactPersonLength = 50;

    /// <summary>In the order the form offers them: a person's documents, then an organisation's.</summary>
    public static IReadOnlyList<IdentityDocument> All { get; } =
    [
        new(IdentityDocumentType.ResidentIdCard, "resident-id-card", "居民身份证", true, "18位，含出生日期和末位校验码"),
        new(IdentityDocumentType.Passport, "passport", "护照", true, "5至17位字母或数字"),
        new(IdentityDocumentType.HongKongMacaoPermit, "hong-kong-macao-permit", "港澳居民来往内地通行证", true, "H或M加8位或10位数字"),
        new(IdentityDocumentType.TaiwanPermit, "taiwan-permit", "台湾居民来往大陆通行证", true, "8位数字，或10位数字（可带校验字母）"),
        new(IdentityDocumentType.ForeignPermanentResidentCard, "foreign-permanent-resident-card", "外国人永久居留身份证", true,
            "15位（3位字母加12位数字）或以9开头的18位号码"),
        new(IdentityDocumentType.HongKongMacaoTaiwanResidencePermit, "hong-kong-macao-taiwan-residence-permit", "港澳台居民居住证", true,
            "以810000、820000或830000开头的18位号码"),
        new(IdentityDocumentType.CreditCode, "credit-code", "统一社会信用代码", false, "18位，含末位校验码"),
        new(IdentityDocumentType.OtherRegistration, "other-registration", "其他登记证号", false, $"不超过{MaxOtherRegistrationLength}个字符"),
    ];

    public static IdentityDocument Of(this IdentityDocumentType type) =>
        All.FirstOrDefault(d => d.Type == type) ?? throw new ArgumentOutOfRangeException(nameof(type), type, null);

    public static string Label(this IdentityDocumentType type) => All.FirstOrDefault(d => d.Type == type)?.Label ?? type.ToString();

    public static string Key(this IdentityDocumentType type) => All.FirstOrDefault(d => d.Type == type)?.Key ?? type.ToString();

    /// <summary>The type with this stable key (or its enum name, as API clients may send it); null if there is none.</summary>
    public static IdentityDocumentType? ByKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }
        key = key.Trim();
        return All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Type.ToString(), key, StringComparison.OrdinalIgnoreCase))?.Type;
    }

    /// <summary>The document a form that names none means: the one each kind of applicant gave before types existed.</summary>
    public static IdentityDocumentType DefaultFor(ApplicantType applicant) =>
        applicant == ApplicantType.NaturalPerson ? IdentityDocumentType.ResidentIdCard : IdentityDocumentType.CreditCode;

    /// <summary>
    /// Compared, stored and masked in one form: trimmed and upper case; for the documents of a fixed format also without the
    /// spaces people type into long numbers (anything else stays, so a stray character is reported, not silently dropped).
    /// An organisation's other registration number keeps its inner text.
    /// </summary>
    public static string Normalize(IdentityDocumentType type, string number)
    {
        var n = number.Trim().ToUpperInvariant();
        return type == IdentityDocumentType.OtherRegistration ? n : n.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Null if <paramref name="number"/> (normalized) is a well-formed number of <paramref name="type"/>; otherwise the
    /// Chinese message saying what is wrong. <paramref name="today"/> rejects future birth dates where the number holds one.
    /// </summary>
    public static string? Check(IdentityDocumentType type, string number, LocalDate? today = null)
    {
        var doc = type.Of();
        var ok = type switch
        {
            IdentityDocumentType.ResidentIdCard => IdentityNumbers.IsValidResidentId(number, today),
            // ICAO 9303: the document number is letters and digits only; national formats range from 5 to 17 characters.
            IdentityDocumentType.Passport => PassportPattern().IsMatch(number),
            IdentityDocumentType.HongKongMacaoPermit => HongKongMacaoPermitPattern().IsMatch(number),
            IdentityDocumentType.TaiwanPermit => TaiwanPermitPattern().IsMatch(number),
            // The 2017 card: 3 letters (nationality) + 12 digits; the 2023 card: 18 characters starting with 9, laid out
            // and check-summed like a 居民身份证 number (GB 11643 MOD 11-2, birth date in positions 7–14).
            IdentityDocumentType.ForeignPermanentResidentCard => OldForeignCardPattern().IsMatch(number)
                || (number.StartsWith('9') && IdentityNumbers.IsValidResidentId(number, today)),
            // 港澳台居民居住证 (2018): a 居民身份证-style number with the region code 810000 (香港), 820000 (澳门) or 830000 (台湾).
            IdentityDocumentType.HongKongMacaoTaiwanResidencePermit => number.Length == 18
                && (number.StartsWith("810000", StringComparison.Ordinal) || number.StartsWith("820000", StringComparison.Ordinal)
                    || number.StartsWith("830000", StringComparison.Ordinal))
                && IdentityNumbers.IsValidResidentId(number, today),
            IdentityDocumentType.CreditCode => IdentityNumbers.IsValidCreditCode(number),
            IdentityDocumentType.OtherRegistration => number.Length <= MaxOtherRegistrationLength && !number.Any(char.IsControl),
            _ => false,
        };
        if (ok)
        {
            return null;
        }
        return type switch
        {
            IdentityDocumentType.ResidentIdCard => "居民身份证号码无效：请核对18位号码（含出生日期和末位校验码）。",
            IdentityDocumentType.CreditCode => "统一社会信用代码无效：请核对18位代码（含末位校验码）。",
            IdentityDocumentType.Passport when number.Any(c => !char.IsAsciiLetterOrDigit(c)) => "护照号码只能包含字母和数字（5至17位）。",
            IdentityDocumentType.OtherRegistration when number.Length > MaxOtherRegistrationLength => $"登记证号不能超过{MaxOtherRegistrationLength}个字符。",
            _ => $"{doc.Label}号码格式不正确：应为{doc.FormatHint}。",
        };
    }

    /// <summary>
    /// The number as lists show it: enough to tell two applicants apart, not enough to use. Long numbers keep 3 + 4
    /// (110***********1234, as before types existed), shorter ones 2 + 2, and very short ones 1 + 1.
    /// </summary>
    public static string Mask(string number)
    {
        number = number.Trim();
        var (head, tail) = number.Length switch
        {
            >= 15 => (3, 4),
            >= 8 => (2, 2),
            >= 5 => (1, 1),
            _ => (0, 0),
        };
        return string.Concat(number.AsSpan(0, head), new string('*', number.Length - head - tail), number.AsSpan(number.Length - tail));
    }

    [GeneratedRegex("^[A-Z0-9]{5,17}$")]
    private static partial Regex PassportPattern();

    [GeneratedRegex(@"^[HM]\d{8}(\d{2})?$")]
    private static partial Regex HongKongMacaoPermitPattern();

    // 8 digits (the 2015 card); the older booklet's 10 digits, sometimes with one or two check letters, in brackets or not.
    [GeneratedRegex(@"^(\d{8}|\d{10}(\(?[A-Z]{1,2}\)?)?)$")]
    private static partial Regex TaiwanPermitPattern();

    [GeneratedRegex(@"^[A-Z]{3}\d{12}$")]
    private static partial Regex OldForeignCardPattern();
}
