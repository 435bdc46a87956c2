using System.Security.Claims;
using Gongkai.Application.Accounts.Permissions;

namespace Gongkai.Web.Infrastructure.Permissions;

/// <summary>One entry of the back-office menu and the permission its page requires.</summary>
public sealed record StaffMenuEntry(string Label, string Href, Permission Permission);

/// <summary>The back-office menu: each signed-in user sees the entries their permissions open, nothing that would answer 403.</summary>
public static class StaffMenu
{
    public static IReadOnlyList<StaffMenuEntry> All { get; } =
    [
        new("工作台", "/staff", Permission.BackOffice),
        new("信息管理", "/staff/items", Permission.ItemsView),
        new("新建信息", "/staff/items/new", Permission.ItemsEdit),
        new("待审核", "/staff/review", Permission.ItemsReview),
        new("依申请公开", "/staff/requests", Permission.RequestsView),
        new("期限预警", "/staff/requests/deadlines", Permission.RequestsView),
        new("复议诉讼", "/staff/appeals", Permission.RequestsView),
        new("年度报告", "/staff/reports", Permission.ReportsView),
        new("工作日历", "/staff/calendar", Permission.CalendarView),
        new("栏目", "/staff/columns", Permission.ColumnsManage),
        new("单位", "/staff/agencies", Permission.AgenciesView),
        new("账号", "/staff/users", Permission.UsersManage),
        new("API 令牌", "/staff/tokens", Permission.TokensManage),
        new("双因素认证", "/staff/account/2fa", Permission.BackOffice),
        new("审计日志", "/staff/audit", Permission.AuditView),
    ];

    public static IReadOnlyList<StaffMenuEntry> For(ClaimsPrincipal user) => [.. All.Where(e => user.Has(e.Permission))];
}
