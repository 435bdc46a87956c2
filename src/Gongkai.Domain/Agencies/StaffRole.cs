namespace Gongkai.Domain.Agencies;

/// <summary>Staff roles. Labels are what the back office shows.</summary>
public static class StaffRole
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string AgencyAdmin = "AgencyAdmin";
    public const string Editor = "Editor";
    public const string Reviewer = "Reviewer";
    public const string Supervisor = "Supervisor";

    public static IReadOnlyList<string> All { get; } = [PlatformAdmin, AgencyAdmin, Editor, Reviewer, Supervisor];

    public static string Label(string role) => role switch
    {
        PlatformAdmin => "平台管理员",
        AgencyAdmin => "单位管理员",
        Editor => "信息编辑（拟稿）",
        Reviewer => "审核员（审核/保密审查）",
        Supervisor => "政务公开监督（政务公开办）",
        _ => role,
    };
}
