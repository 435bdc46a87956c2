using Gongkai.Application;
using Gongkai.Application.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Errors;

/// <summary>
/// Pages: the error table's answer to an exception from a page handler. On a form page (<see cref="IFormPage"/>) a
/// refusal — invalid input, a step the state does not allow, an action the role may not take — becomes the Chinese
/// message on the form and the page is shown again; nothing was saved (use cases save once, at the end) and nothing
/// still tracked is saved later. Otherwise the status page: a record one may not see is a plain 404 (no hint that it
/// exists), a refused action a 403. Unknown exceptions go on to the exception handler (500).
/// </summary>
public sealed class PageErrorFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || ErrorCatalog.ForException(exception) is not { } entry)
        {
            return;
        }
        executed.ExceptionHandled = true;
        if (executed.HandlerInstance is IFormPage form and PageModel page && ShowsOnForm(executed, form, exception, entry))
        {
            // Whatever a refused use case left in the change tracker must not ride along with a later SaveChanges.
            executed.HttpContext.RequestServices.GetService<GongkaiDbContext>()?.ChangeTracker.Clear();
            await form.RedisplayAsync();
            if (exception is ValidationException validation)
            {
                page.ModelState.AddErrors(validation, form.ErrorPrefix);
            }
            else
            {
                page.ModelState.AddModelError(exception is NotFoundException ? form.NotFoundField! : "", ErrorCatalog.DetailFor(exception, entry));
            }
            executed.Result = page.Page();
            return;
        }
        executed.Result = new StatusCodeResult(entry.Status);
    }

    /// <summary>
    /// On the form, not as a status page: a refusal of a form's action (any POST, or a named GET handler such as an
    /// export). A plain GET that fails has no form to show it on.
    /// </summary>
    private static bool ShowsOnForm(PageHandlerExecutedContext executed, IFormPage form, Exception exception, ErrorEntry entry)
    {
        if (exception is NotFoundException)
        {
            return form.NotFoundField is not null;
        }
        var handler = executed.HandlerMethod;
        var isAction = handler is null || !HttpMethods.IsGet(handler.HttpMethod) || handler.Name is not null;
        return entry.OnForm && isAction;
    }
}
