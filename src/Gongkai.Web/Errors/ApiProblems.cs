using Gongkai.Application;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Errors;

/// <summary>Writes the error table's entries as problem+json (RFC 9457) for everything under /api.</summary>
public static class ApiProblems
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    /// <summary>A problem for <paramref name="entry"/>; a refused input also lists its fields' messages under <c>errors</c>.</summary>
    public static ProblemDetails Create(ErrorEntry entry, string? detail = null, Exception? exception = null)
    {
        ProblemDetails problem = exception is ValidationException v
            ? new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = entry.Status;
        problem.Type = entry.Type;
        problem.Title = entry.Title;
        problem.Detail = detail ?? entry.Detail;
        return problem;
    }

    /// <summary>
    /// Always problem+json, whatever the Accept header says: an API client that asked for HTML still gets a body it can
    /// read, never the portal's error page.
    /// </summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    /// <summary>Fills in the table's <c>type</c> and title for problems written elsewhere with only a status.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var entry = ErrorCatalog.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            problem.Type = entry.Type;
        }
        if (problem.Title is null || problem.Title == ReasonPhrase(problem.Status))
        {
            problem.Title = entry.Title;
        }
        problem.Detail ??= entry.Detail;
    }

    private static string? ReasonPhrase(int? status) =>
        status is { } s ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(s) : null;
}

/// <summary>An exception under /api becomes the table's problem; an unknown one a 500 that does not reveal its message.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler middleware has already rewritten Request.Path to /error: judge by the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!ApiProblems.IsApi(new PathString(path)))
        {
            return false;
        }
        var entry = ErrorCatalog.ForException(exception);
        if (entry is null)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", path);
        }
        var problem = entry is null
            ? ApiProblems.Create(ErrorCatalog.Internal)
            : ApiProblems.Create(entry, ErrorCatalog.DetailFor(exception, entry), exception);
        await ApiProblems.WriteAsync(httpContext, problem);
        return true;
    }
}
