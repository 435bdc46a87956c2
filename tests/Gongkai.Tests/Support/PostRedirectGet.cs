using System.Net;

namespace Gongkai.Tests.Support;

/// <summary>A browser's way through a form: POST, then GET wherever the answer redirects (Post/Redirect/Get).</summary>
public static class PostRedirectGet
{
    public static bool IsRedirectAfterPost(HttpStatusCode status) => status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther;

    /// <summary>Posts <paramref name="content"/>; returns the POST's status and the page shown afterwards (the redirect's target, or the POST's own page).</summary>
    public static async Task<(HttpStatusCode PostStatus, string Html, Uri? Location)> PostAndFollowAsync(this HttpClient client, string url, HttpContent content)
    {
        var ct = TestContext.Current.CancellationToken;
        using var post = await client.PostAsync(url, content, ct);
        if (!IsRedirectAfterPost(post.StatusCode) || post.Headers.Location is not { } location)
        {
            return (post.StatusCode, await post.Content.ReadAsStringAsync(ct), null);
        }
        return (post.StatusCode, await client.GetStringAsync(location, ct), location);
    }
}
