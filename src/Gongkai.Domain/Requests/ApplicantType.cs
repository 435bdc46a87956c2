namespace Gongkai.Domain.Requests;

/// <summary>The applicant columns of the annual report's section 三 (申请人情况).</summary>
public enum ApplicantType
{
    /// <summary>自然人.</summary>
    NaturalPerson = 1,
    /// <summary>法人或其他组织 — 商业企业.</summary>
    CommercialEnterprise = 2,
    /// <summary>法人或其他组织 — 科研机构.</summary>
    ResearchInstitution = 3,
    /// <summary>法人或其他组织 — 社会公益组织.</summary>
    SocialWelfareOrganization = 4,
    /// <summary>法人或其他组织 — 法律服务机构.</summary>
    LegalServiceInstitution = 5,
    /// <summary>法人或其他组织 — 其他.</summary>
    Other = 6,
}

public static class ApplicantTypes
{
    /// <summary>Column order of the report, 自然人 first.</summary>
    public static IReadOnlyList<ApplicantType> All { get; } =
    [
        ApplicantType.NaturalPerson, ApplicantType.CommercialEnterprise, ApplicantType.ResearchInstitution,
        ApplicantType.SocialWelfareOrganization, ApplicantType.LegalServiceInstitution, ApplicantType.Other,
    ];

    /// <summary>The exact column label.</summary>
    public static string Label(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.CommercialEnterprise => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.SocialWelfareOrganization => "社会公益组织",
        ApplicantType.LegalServiceInstitution => "法律服务机构",
        ApplicantType.Other => "其他",
        _ => type.ToString(),
    };

    /// <summary>Stable English key.</summary>
    public static string Key(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "natural-person",
        ApplicantType.CommercialEnterprise => "commercial-enterprise",
        ApplicantType.ResearchInstitution => "research-institution",
        ApplicantType.SocialWelfareOrganization => "social-welfare-organization",
        ApplicantType.LegalServiceInstitution => "legal-service-institution",
        ApplicantType.Other => "other-organization",
        _ => type.ToString(),
    };

    /// <summary>Every type but 自然人 sits under the report's 法人或其他组织 header.</summary>
    public static bool IsLegalPersonOrOrganization(this ApplicantType type) => type != ApplicantType.NaturalPerson;
}
