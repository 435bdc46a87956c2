using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Gongkai.Web.Errors;

/// <summary>
/// A form posted without a valid antiforgery token (an expired page, another site) is refused with a bare 400 before
/// any handler runs; this marks the request so the /error page names the reason from the table instead of a generic
/// "请求有误".
/// </summary>
public sealed class AntiforgeryFailureFilter : IAlwaysRunResultFilter
{
    public const string ItemKey = "gongkai.error";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[ItemKey] = ErrorCatalog.Antiforgery;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
