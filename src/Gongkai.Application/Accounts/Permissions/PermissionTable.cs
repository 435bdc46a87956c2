using System.Collections.Frozen;
using Gongkai.Domain.Agencies;

namespace Gongkai.Application.Accounts.Permissions;

/// <summary>One permission: the key used in policies and logs, the label the back office shows, the roles granted it by default.</summary>
public sealed record PermissionDefinition(Permission Permission, string Key, string Label, IReadOnlySet<string> Roles);

/// <summary>
/// Who may do what, in one table. Every page, endpoint and use case asks this table through
/// <see cref="StaffContext.Has"/> (or the web policies built from it); no other place maps roles to abilities.
/// Scope is a separate question: a permission says what kind of thing one may do, <c>AgencyAccess</c> says in which
/// agencies (one's own; a supervisor reads its subordinates; the platform admin the whole tree).
/// </summary>
public static class PermissionTable
{
    private const string Platform = StaffRole.PlatformAdmin;
    private const string Admin = StaffRole.AgencyAdmin;
    private const string Editor = StaffRole.Editor;
    private const string Reviewer = StaffRole.Reviewer;
    private const string Supervisor = StaffRole.Supervisor;

    public static IReadOnlyList<PermissionDefinition> All { get; } =
    [
        Define(Permission.BackOffice, "backoffice.enter", "进入后台工作台", Platform, Admin, Editor, Reviewer, Supervisor),
        Define(Permission.ItemsView, "items.view", "查看信息", Platform, Admin, Editor, Reviewer, Supervisor),
        Define(Permission.ItemsEdit, "items.edit", "拟稿和修改信息", Platform, Admin, Editor),
        // 条例第十七条: review (保密审查) by someone other than the author; the workflow also refuses the author.
        Define(Permission.ItemsReview, "items.review", "审核和退回信息", Platform, Admin, Reviewer),
        Define(Permission.ItemsPublish, "items.publish", "发布和撤回信息", Platform, Admin, Reviewer),
        Define(Permission.ColumnsManage, "columns.manage", "管理栏目", Platform, Admin),
        Define(Permission.RequestsView, "requests.view", "查看依申请公开案件", Platform, Admin, Editor, Reviewer, Supervisor),
        // A supervisor (政务公开办) reads subordinates' cases but does not act on them.
        Define(Permission.RequestsHandle, "requests.handle", "登记和办理依申请公开", Platform, Admin, Editor, Reviewer),
        // Of one's own agency; another agency's applicants additionally need a per-user grant (PersonalDataGrants).
        Define(Permission.RequestsViewPersonalData, "requests.view-personal-data", "查看申请人身份及联系方式", Platform, Admin, Editor, Reviewer, Supervisor),
        Define(Permission.RequestsExport, "requests.export", "导出依申请公开台账", Platform, Admin, Editor, Reviewer, Supervisor),
        Define(Permission.TemplatesManage, "templates.manage", "修改告知书模板", Platform),
        // Annual reports (条例第四十九条、第五十条): declared now, used by the annual report feature.
        Define(Permission.ReportsView, "reports.view", "查看年度报告", Platform, Admin, Editor, Reviewer, Supervisor),
        Define(Permission.ReportsEdit, "reports.edit", "编写年度报告", Platform, Admin, Editor),
        Define(Permission.ReportsSubmit, "reports.submit", "报送年度报告", Platform, Admin),
        Define(Permission.ReportsAccept, "reports.accept", "审阅和接收下级年度报告", Platform, Supervisor),
        Define(Permission.AgenciesView, "agencies.view", "查看单位", Platform, Admin, Supervisor),
        Define(Permission.AgenciesManage, "agencies.manage", "管理单位", Platform, Admin),
        Define(Permission.UsersManage, "users.manage", "管理账号", Platform, Admin),
        Define(Permission.GrantsManage, "grants.manage", "授予特别权限", Platform),
        Define(Permission.TokensManage, "tokens.manage", "管理本人 API 令牌", Platform, Admin, Editor, Reviewer, Supervisor),
        Define(Permission.AuditView, "audit.view", "查看审计日志", Platform, Admin, Supervisor),
        Define(Permission.CalendarView, "calendar.view", "查看工作日历", Platform, Admin, Editor, Reviewer, Supervisor),
        Define(Permission.CalendarManage, "calendar.manage", "调整工作日历", Platform),
        Define(Permission.SupervisionView, "supervision.view", "查看下级单位（政务公开监督）", Platform, Supervisor),
    ];

    private static readonly FrozenDictionary<Permission, PermissionDefinition> ByPermission = All.ToFrozenDictionary(d => d.Permission);
    private static readonly FrozenDictionary<string, PermissionDefinition> ByKey = All.ToFrozenDictionary(d => d.Key, StringComparer.Ordinal);

    public static PermissionDefinition Of(Permission permission) => ByPermission[permission];

    public static PermissionDefinition? FindByKey(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>Whether any of <paramref name="roles"/> is granted <paramref name="permission"/>.</summary>
    public static bool Grants(IEnumerable<string> roles, Permission permission)
    {
        var granted = Of(permission).Roles;
        return roles.Any(granted.Contains);
    }

    /// <summary>Everything a role may do, in table order (for the documentation and the user page).</summary>
    public static IReadOnlyList<PermissionDefinition> ForRole(string role) => [.. All.Where(d => d.Roles.Contains(role))];

    private static PermissionDefinition Define(Permission permission, string key, string label, params string[] roles) =>
        new(permission, key, label, roles.ToFrozenSet(StringComparer.Ordinal));
}
