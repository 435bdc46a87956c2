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
        var id = input.IdNumber is null ? null : NormalizeId(input.IdNumber);
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(nameof(input.IdNumber), natural ? "请填写居民身份证号码（条例第二十九条：身份证明）。" : "请填写统一社会信用代码（条例第二十九条：身份证明）。");
        }
        else if (natural && !IdentityNumbers.IsValidResidentId(id, today))
        {
            errors.Add(nameof(input.IdNumber), "居民身份证号码无效：请核对18位号码（含出生日期和末位校验码）。");
        }
        else if (!natural && !IdentityNumbers.IsValidCreditCode(id))
        {
            errors.Add(nameof(input.IdNumber), "统一社会信用代码无效：请核对18位代码（含末位校验码）。");
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
}
