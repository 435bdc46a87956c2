using Gongkai.Application;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web.Errors;

public static class ModelStateExtensions
{
    /// <summary>Shows every problem a use case refused, next to its field, in Chinese.</summary>
    public static void AddErrors(this ModelStateDictionary state, ValidationException ex, string prefix = "")
    {
        foreach (var (field, messages) in ex.Errors)
        {
            foreach (var m in messages)
            {
                state.AddModelError(prefix + field, m);
            }
        }
    }
}
