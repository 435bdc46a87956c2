using Gongkai.Application;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Errors;

/// <summary>
/// One row of the error table: the HTTP status, a stable key (the problem's <c>type</c> is <c>urn:gongkai:error:{key}</c>),
/// and the Chinese title and default detail. <paramref name="OnForm"/>: on a form page the message is shown on the form
/// (the input was refused) rather than as a status page.
/// </summary>
public sealed record ErrorEntry(int Status, string Key, string Title, string Detail, bool OnForm = false)
{
    public string Type => ErrorCatalog.TypePrefix + Key;
}

/// <summary>
/// The one table from domain and application errors, and from bare HTTP statuses, to what callers see: problem+json
/// under /api (RFC 9457), the Chinese message on pages. Adding an exception type here is the only change needed for
/// both. The exception's own message is the detail when it is written for the user (every domain and application
/// error is); an unknown exception never shows its message.
/// </summary>
public static class ErrorCatalog
{
    public const string TypePrefix = "urn:gongkai:error:";

    public static readonly ErrorEntry Validation = new(400, "validation", "输入有误", "提交的内容有误，请检查后重试。", OnForm: true);
    public static readonly ErrorEntry ItemWorkflow = new(409, "item-workflow", "当前状态不允许此操作", "该信息的当前状态不允许此操作。", OnForm: true);
    public static readonly ErrorEntry StaleReview = new(409, "stale-review", "审阅的版本已被修改", "该信息在您审阅后已被修改，请查看修改内容后重新审核。", OnForm: true);
    public static readonly ErrorEntry RequestWorkflow = new(409, "request-workflow", "当前状态不允许此操作", "该申请的当前状态不允许此操作。", OnForm: true);
    public static readonly ErrorEntry Fee = new(400, "fee-rule", "收费不符合规定", "收费不符合《政府信息公开信息处理费管理办法》。", OnForm: true);
    public static readonly ErrorEntry Concurrency = new(409, "concurrency", "数据已被修改", "该记录已被他人修改，请刷新页面后重试。", OnForm: true);
    public static readonly ErrorEntry CalendarNotCovered = new(422, "calendar-not-covered", "工作日历未覆盖该年份", "工作日历尚未录入该年份的节假日安排。", OnForm: true);
    public static readonly ErrorEntry Forbidden = new(403, "forbidden", "无权访问", "您没有权限访问此内容或执行此操作。", OnForm: true);
    public static readonly ErrorEntry NotFound = new(404, "not-found", "页面不存在", "您访问的内容不存在，或信息已撤回。");
    public static readonly ErrorEntry Antiforgery = new(400, "antiforgery", "表单已失效", "表单已过期或来源无效，请刷新页面后重新提交。");
    public static readonly ErrorEntry BadRequest = new(400, "bad-request", "请求有误", "请求内容有误，请检查后重试。");
    public static readonly ErrorEntry Unauthorized = new(401, "unauthorized", "需要登录",
        "请先登录，或在请求头 Authorization: Bearer 中提供有效的 API 令牌。");
    public static readonly ErrorEntry MethodNotAllowed = new(405, "method-not-allowed", "不支持该请求方法", "该地址不支持此请求方法。");
    public static readonly ErrorEntry PayloadTooLarge = new(413, "payload-too-large", "提交的内容过大", "上传的文件或提交的内容超过了大小限制。");
    public static readonly ErrorEntry RequestLimits = new(400, "request-limits", "提交的内容超出限制", "表单字段过多、内容过长或层级过深，请检查后重试。");
    public static readonly ErrorEntry UnsupportedMediaType = new(415, "unsupported-media-type", "不支持的内容类型", "请以 application/json 提交。");
    public static readonly ErrorEntry TooManyRequests = new(429, "too-many-requests", "请求过于频繁", "请稍候再试。");
    public static readonly ErrorEntry InconsistentCase = new(409, "inconsistent-case", "申请记录不一致",
        "该申请的存储状态与办理步骤不一致，已拒绝操作且未保存任何内容；请联系平台管理员核查。", OnForm: true);
    public static readonly ErrorEntry ReportJson = new(400, "report-json", "年度报告数据有误", "年度报告数据不符合年报格式。", OnForm: true);
    public static readonly ErrorEntry DatabaseUnavailable = new(503, "database-unavailable", "数据库不可用", "数据库尚未初始化或无法找到，请联系平台管理员。");
    public static readonly ErrorEntry Internal = new(500, "internal", "出错了", "服务器处理请求时出错，请稍后再试。");

    private static readonly ErrorEntry[] ByStatusTable =
        [BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, PayloadTooLarge, UnsupportedMediaType, CalendarNotCovered, TooManyRequests, Internal];

    /// <summary>The entry for an exception, or null when it is not one the platform expects (a bug: 500, message hidden).</summary>
    public static ErrorEntry? ForException(Exception exception) => exception switch
    {
        ValidationException => Validation,
        WorkflowException => ItemWorkflow,
        StaleReviewException => StaleReview,
        RequestWorkflowException => RequestWorkflow,
        FeeException => Fee,
        DbUpdateConcurrencyException => Concurrency,
        CalendarNotCoveredException => CalendarNotCovered,
        InconsistentCaseException => InconsistentCase,
        Domain.Reports.ReportJsonException => ReportJson,
        Application.Calendar.DatabaseNotInitializedException or Application.Calendar.DatabaseNotFoundException => DatabaseUnavailable,
        ForbiddenException => Forbidden,
        NotFoundException => NotFound,
        AntiforgeryValidationException => Antiforgery,
        Limits.RequestLimitExceededException { Status: 413 } => PayloadTooLarge,
        Limits.RequestLimitExceededException => RequestLimits,
        BadHttpRequestException { StatusCode: 413 } => PayloadTooLarge,
        BadHttpRequestException { StatusCode: 415 } => UnsupportedMediaType,
        BadHttpRequestException => BadRequest,
        _ => null,
    };

    /// <summary>The entry for a bare status (an empty 404, a refused challenge, a rate limit); unknown ones by their class.</summary>
    public static ErrorEntry ForStatus(int status) =>
        ByStatusTable.FirstOrDefault(e => e.Status == status)
        ?? (status >= 500 ? Internal with { Status = status } : BadRequest with { Status = status });

    /// <summary>The user-facing detail: the exception's own (Chinese) message for known errors, the table's otherwise.</summary>
    public static string DetailFor(Exception exception, ErrorEntry entry) =>
        entry == Concurrency || entry == Antiforgery || entry == DatabaseUnavailable || exception is BadHttpRequestException || string.IsNullOrWhiteSpace(exception.Message)
            ? entry.Detail
            : exception.Message;
}
