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

    private void Describe(int? code)
    {
        var entry = ErrorCatalog.ForStatus(code ?? StatusCodes.Status500InternalServerError);
        (Title, Message) = (entry.Title, entry.Detail);
    }
}
