namespace Gongkai.Web.Errors;

/// <summary>
/// A page with forms whose handlers let refused input propagate: <see cref="PageErrorFilter"/> puts the table's Chinese
/// message into ModelState and calls <see cref="RedisplayAsync"/> to show the page again with what was posted.
/// A successful POST redirects (Post/Redirect/Get), so only refusals re-render.
/// </summary>
public interface IFormPage
{
    /// <summary>Loads what the page shows besides the posted input (lists, the record). Tracked changes are already discarded.</summary>
    Task RedisplayAsync();

    /// <summary>The ModelState prefix of the use case's field names ("Form." when the inputs are bound to a Form property).</summary>
    string ErrorPrefix => "";

    /// <summary>
    /// When set, "not found" is a refused input shown next to this field (a mistyped tracking code), not a 404 page.
    /// </summary>
    string? NotFoundField => null;
}
