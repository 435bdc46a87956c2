using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Web.Infrastructure;

/// <summary>A pager of plain links (works without JavaScript).</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> Url)
{
    /// <summary>
    /// The query parameter of the page number in the back office: <c>p</c>, never <c>page</c>, which is the route value
    /// Razor Pages gives every page ("/Staff/Requests/Index") and so failed to bind as a number.
    /// </summary>
    public const string QueryKey = "p";

    /// <summary>A pager whose links keep the current query and set <see cref="QueryKey"/>.</summary>
    public static PagerModel For(HttpRequest request, int page, int pageCount) =>
        new(page, pageCount, p => QueryUrl.With(request, QueryKey, p.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public IEnumerable<int> Window()
    {
        var from = Math.Max(1, Page - 4);
        var to = Math.Min(PageCount, from + 8);
        for (var p = from; p <= to; p++)
        {
            yield return p;
        }
    }
}

public static class QueryUrl
{
    /// <summary>The current URL with one query parameter replaced.</summary>
    public static string With(HttpRequest request, string key, string value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var pairs = query.Where(kv => !string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>(key, value));
        return QueryHelpers.AddQueryString(request.Path, pairs);
    }
}
