using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Application.Requests.Intake;

/// <summary>What a request must contain (条例第二十九条) and the form's own limits; every problem at once, by field.</summary>
public static class RequestFormRules
{
    /// <summary>Channels staff register; online requests come only through the portal form.</summary>
    public static IReadOnlyList<SubmissionChannel> StaffChannels { get; } =
        [SubmissionChannel.InPerson, SubmissionChannel.RegisteredPost, SubmissionChannel.OrdinaryLetter, SubmissionChannel.Email, SubmissionChannel.Fax];

    /// <summary>ID numbers and credit codes are compared and masked in one form: trimmed, upper case.</summary>
    public static string NormalizeId(string id) => id.Trim().ToUpperInvariant();

    /// <summary>The document type the form names, or the default for its applicant; null for a key that names none.</summary>
    public static IdentityDocumentType? DocumentType(RequestForm input) =>
        string.IsNullOrWhiteSpace(input.IdDocumentType) ? IdentityDocuments.DefaultFor(input.ApplicantType) : IdentityDocuments.ByKey(input.IdDocumentType);

    /// <summary>The number as stored: normalized for its document type.</summary>
    public static string NormalizedNumber(RequestForm input) =>
        IdentityDocuments.Normalize(DocumentType(input) ?? IdentityDocumentType.ResidentIdCard, input.IdNumber ?? "");

    public static ValidationErrors Validate(RequestForm input, LocalDate today)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(input.ApplicantType))
        {
            errors.Add(nameof(input.ApplicantType), "请选择申请人类型。");
        }
        var natural = input.ApplicantType == ApplicantType.NaturalPerson;
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(nameof(input.Name), natural ? "请填写姓名。" : "请填写法人或其他组织名称。");
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(nameof(input.Name), "名称不能超过200字。");
        }
        CheckIdentity(input, natural, today, errors);
        if (input.ItemCount is { } items && items is < 1 or > InformationProcessingFee.MaxItemsPerMonth)
        {
            errors.Add(nameof(input.ItemCount), $"件数应为1至{InformationProcessingFee.MaxItemsPerMonth}件。");
        }
        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add(nameof(input.Phone), "请至少填写一种联系方式（电话、电子邮箱或通信地址）。");
        }
        if (input.Phone is { Length: > 40 })
        {
            errors.Add(nameof(input.Phone), "联系电话过长。");
        }
        if (!string.IsNullOrWhiteSpace(input.Email) && (!input.Email.Contains('@', StringComparison.Ordinal) || input.Email.Length > 200))
        {
            errors.Add(nameof(input.Email), "电子邮箱格式不正确。");
        }
        if (input.Address is { Length: > 500 })
        {
            errors.Add(nameof(input.Address), "通信地址不能超过500字。");
        }
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(nameof(input.Description), "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）。");
        }
        else if (input.Description.Length > 4000)
        {
            errors.Add(nameof(input.Description), "申请内容不能超过4000字。");
        }
        if (input.DocumentNumber is { Length: > 200 })
        {
            errors.Add(nameof(input.DocumentNumber), "文号过长。");
        }
        if (input.WantedForm is null || !RequestFormChoices.Forms.Contains(input.WantedForm))
        {
            errors.Add(nameof(input.WantedForm), "请选择所需信息的提供形式。");
        }
        if (input.Delivery is null || !RequestFormChoices.Deliveries.Contains(input.Delivery))
        {
            errors.Add(nameof(input.Delivery), "请选择获取信息的方式。");
        }
        else if (input.Delivery == "邮寄" && string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add(nameof(input.Address), "选择邮寄的，请填写通信地址。");
        }
        else if (input.Delivery == "电子邮件" && string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add(nameof(input.Email), "选择电子邮件的，请填写电子邮箱。");
        }
        return errors;
    }

    /// <summary>
    /// 条例第二十九条第（一）项 身份证明: a person gives any valid identity document, an organisation its 统一社会信用代码 or
    /// another registration number and the name of its 法定代表人 or 联系人. The document must fit the applicant, so the
    /// report counts a foreigner with a passport under 自然人 and a company under its organisation column.
    /// </summary>
    private static void CheckIdentity(RequestForm input, bool natural, LocalDate today, ValidationErrors errors)
    {
        const string field = nameof(input.IdNumber);
        if (DocumentType(input) is not { } type)
        {
            var known = string.Join("、", IdentityDocuments.All.Select(d => d.Label));
            errors.Add(nameof(input.IdDocumentType), $"未知的证件类型“{Truncate(input.IdDocumentType!.Trim(), 20)}”：请选择{known}之一。");
            return;
        }
        var doc = type.Of();
        if (Enum.IsDefined(input.ApplicantType) && doc.ForNaturalPerson != natural)
        {
            errors.Add(nameof(input.IdDocumentType), natural
                ? "自然人请提供居民身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证或港澳台居民居住证。"
                : "法人或其他组织请提供统一社会信用代码或其他登记证号。");
            return;
        }
        var id = NormalizedNumber(input);
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(field, $"请填写{doc.Label}{(type is IdentityDocumentType.CreditCode or IdentityDocumentType.OtherRegistration ? "" : "号码")}（条例第二十九条：身份证明）。");
        }
        else if (IdentityDocuments.Check(type, id, today) is { } problem)
        {
            errors.Add(field, problem);
        }
        if (natural)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(input.ContactPerson))
        {
            errors.Add(nameof(input.ContactPerson), "请填写法定代表人或联系人姓名。");
        }
        else if (input.ContactPerson.Trim().Length > IdentityDocuments.MaxContactPersonLength)
        {
            errors.Add(nameof(input.ContactPerson), $"法定代表人或联系人姓名不能超过{IdentityDocuments.MaxContactPersonLength}字。");
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
