using Gongkai.Domain.Requests;

namespace Gongkai.Application.Requests.Intake;

/// <summary>The request form (政府信息公开申请表): the contents 条例第二十九条 requires, as typed by the applicant or by staff.</summary>
public sealed class RequestForm
{
    public ApplicantType ApplicantType { get; set; } = ApplicantType.NaturalPerson;

    /// <summary>姓名 (自然人) or 名称 (法人或其他组织).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// 证件类型 by its stable key (<see cref="IdentityDocuments"/>): 居民身份证、护照、港澳居民来往内地通行证… for a person,
    /// 统一社会信用代码 or 其他登记证号 for an organisation. Empty means 居民身份证 or 统一社会信用代码, as before types existed.
    /// </summary>
    public string? IdDocumentType { get; set; }

    /// <summary>The number of the <see cref="IdDocumentType"/> document.</summary>
    public string? IdNumber { get; set; }

    /// <summary>An organisation's 法定代表人 or 联系人 (条例第二十九条: who acts for it).</summary>
    public string? ContactPerson { get; set; }

    /// <summary>件数 (staff only; the portal form always files 1): items asked for, counted by the 按件 fee.</summary>
    public int? ItemCount { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>所需政府信息的名称、文号或者便于查询的其他特征性描述.</summary>
    public string? Description { get; set; }
    public string? DocumentNumber { get; set; }
    public string? WantedForm { get; set; }
    public string? Delivery { get; set; }

    /// <summary>
    /// A random key the form carries from the moment it is shown. Posting the same form again (a double click, a reload
    /// of the receipt, a retry after a lost response) finds the request it already created instead of creating a
    /// second one, which would be counted twice in the annual report's 新收申请.
    /// </summary>
    public Guid? SubmissionKey { get; set; }
}

/// <summary>条例第二十九条第（三）项: the form of the information and the way of obtaining it.</summary>
public static class RequestFormChoices
{
    public static IReadOnlyList<string> Forms { get; } = ["纸质文本", "电子文档", "光盘/存储介质", "查阅/抄录"];

    public static IReadOnlyList<string> Deliveries { get; } = ["邮寄", "电子邮件", "自行领取", "在线获取"];
}
