using Gongkai.Application;
using Gongkai.Domain.Catalog;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Infrastructure;

/// <summary>Turns refused input into problem+json for API callers (RFC 9457), with the Chinese message as detail.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler middleware has already rewritten Request.Path to /error: judge by the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api"))
        {
            return false;
        }
        var (status, title) = exception switch
        {
            ValidationException => (StatusCodes.Status400BadRequest, "输入有误"),
            WorkflowException => (StatusCodes.Status409Conflict, "当前状态不允许此操作"),
            NotFoundException => (StatusCodes.Status404NotFound, "未找到"),
            ForbiddenException => (StatusCodes.Status403Forbidden, "无权操作"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        ProblemDetails problem = exception is ValidationException v
            ? new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value)) { Title = title, Detail = v.Message, Status = status }
            : new ProblemDetails { Title = title, Detail = exception.Message, Status = status };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
