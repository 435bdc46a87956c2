namespace Gongkai.Application.Accounts.Permissions;

/// <summary>
/// What a member of staff may do. An enum so that pages can name one in an attribute
/// (<c>[RequirePermission(Permission.ItemsEdit)]</c>); its key, label and default roles live in <see cref="PermissionTable"/>.
/// </summary>
public enum Permission
{
    BackOffice,
    ItemsView,
    ItemsEdit,
    ItemsReview,
    ItemsPublish,
    ColumnsManage,
    RequestsView,
    RequestsHandle,
    RequestsViewPersonalData,
    RequestsExport,
    TemplatesManage,
    ReportsView,
    ReportsEdit,
    ReportsSubmit,
    ReportsAccept,
    AgenciesView,
    AgenciesManage,
    UsersManage,
    GrantsManage,
    TokensManage,
    AuditView,
    CalendarView,
    CalendarManage,
    SupervisionView,
}
