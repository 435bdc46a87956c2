using Gongkai.Web.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The Chinese status page, worded by the one error table (Errors/ErrorCatalog) like the API's problems.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = ErrorCatalog.Internal.Title;
    public string Message { get; private set; } = ErrorCatalog.Internal.Detail;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    /// <summary>
    /// A status re-executed here (/error/404) is described by its row; an exception that reached the handler by the
    /// row of its type (a request body over the size limit is a 413, not a 500), or as a 500 if it is unknown.
    /// </summary>
    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        var entry = HttpContext.Items[AntiforgeryFailureFilter.ItemKey] is ErrorEntry marked ? marked
            : code is { } status ? ErrorCatalog.ForStatus(status)
            : exception is not null && ErrorCatalog.ForException(exception) is { } known ? known
            : ErrorCatalog.Internal;
        if (code is null)
        {
            Response.StatusCode = entry.Status;
        }
        (Title, Message) = (entry.Title, exception is not null && entry != ErrorCatalog.Internal ? ErrorCatalog.DetailFor(exception, entry) : entry.Detail);
    }
}
