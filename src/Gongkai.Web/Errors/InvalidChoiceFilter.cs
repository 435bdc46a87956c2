using Gongkai.Application;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Errors;

/// <summary>
/// A posted choice that names no value of its enumeration (a channel, applicant type, fee method, pause kind … posted
/// as 99) fails model binding, which leaves the field at its default and lets the handler go on with a value nobody
/// chose. Refuse the post instead: a <see cref="ValidationException"/> that <see cref="PageErrorFilter"/> shows on the
/// form (or as a 400 page), before the handler runs, so nothing is saved.
/// </summary>
public sealed class InvalidChoiceFilter : IAsyncPageFilter
{
    public const string Message = "所选的选项无效，请重新选择。";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is { } handler && !HttpMethods.IsGet(handler.HttpMethod))
        {
            var prefix = (context.HandlerInstance as IFormPage)?.ErrorPrefix ?? "";
            var refused = new ValidationErrors();
            foreach (var key in ChoiceKeys(context))
            {
                // An empty value is a missing choice, which the use case words itself; only a value no option carries is refused here.
                if (context.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && !string.IsNullOrEmpty(entry.AttemptedValue))
                {
                    entry.Errors.Clear();
                    refused.Add(key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key, Message);
                }
            }
            refused.ThrowIfAny();
        }
        return next();
    }

    /// <summary>The ModelState keys of every enumeration the handler binds: its parameters, bound properties and their members.</summary>
    private static IEnumerable<string> ChoiceKeys(PageHandlerExecutingContext context)
    {
        var bound = context.HandlerMethod!.Parameters.Select(p => (Name: p.BindingInfo?.BinderModelName ?? p.Name, Type: p.ParameterType))
            .Concat(context.ActionDescriptor.BoundProperties.Select(p => (Name: p.BindingInfo?.BinderModelName ?? p.Name, Type: p.ParameterType)));
        foreach (var (name, type) in bound)
        {
            if (IsChoice(type))
            {
                yield return name;
            }
            else if (type.IsClass && type != typeof(string) && !typeof(IFormFile).IsAssignableFrom(type))
            {
                foreach (var member in type.GetProperties().Where(m => m.CanWrite && IsChoice(m.PropertyType)))
                {
                    yield return name + "." + member.Name;
                }
            }
        }
    }

    private static bool IsChoice(Type type) => (Nullable.GetUnderlyingType(type) ?? type).IsEnum;
}
