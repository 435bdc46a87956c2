namespace Gongkai.Domain.Reports;

/// <summary>
/// The 7 numeric columns of section 三 under the header 申请人情况: 自然人, the five kinds of 法人或其他组织, and 总计.
/// No 法人小计 column exists in either format, so none is modelled.
/// </summary>
public static class ApplicantColumns
{
    public const int Count = 7;

    /// <summary>Index of 总计, the last column.</summary>
    public const int Total = 6;

    public const string Caption = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public const string Header = "申请人情况";

    public const string OrganisationsHeader = "法人或其他组织";

    /// <summary>The column labels in print order; the JSON arrays of <c>applications</c> follow this order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    /// <summary>Whether the column sits under 法人或其他组织 (商业企业 … 其他).</summary>
    public static bool IsOrganisation(int column) => column is >= 1 and <= 5;
}
