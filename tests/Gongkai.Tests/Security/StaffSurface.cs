using System.Text.RegularExpressions;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Security;

/// <summary>One way into the back office: a page handler (GET or POST, by handler name) or a staff API endpoint.</summary>
public sealed record StaffCall(
    bool IsPage, string Method, string Route, string? Handler, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> Parameters,
    RequirePermissionAttribute? Permission, bool AllowsAnonymous, string? Summary)
{
    public override string ToString() => $"{Method} /{Route}{(Handler is null ? "" : "?handler=" + Handler)}";
}

/// <summary>
/// Everything the real host serves under <c>/staff</c> and <c>/api/v1/staff</c>, read from its endpoint data source. Razor
/// pages are loaded (compiled descriptors) so that their page-model attributes and handler methods are seen as the
/// authorization middleware sees them.
/// </summary>
public static partial class StaffSurface
{
    /// <summary>Pages that must be reachable signed out: signing in, being told "no", signing out.</summary>
    public static IReadOnlySet<string> AllowAnonymous { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "staff/login", "staff/login/2fa", "staff/denied", "staff/logout",
    };

    public static async Task<IReadOnlyList<StaffCall>> EnumerateAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var loader = services.GetRequiredService<PageLoader>();
        var calls = new List<StaffCall>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            if (!StaffAreaRequirement.IsStaffArea(new PathString("/" + route)))
            {
                continue;
            }
            var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var metadata = compiled.Endpoint?.Metadata ?? new EndpointMetadataCollection(compiled.EndpointMetadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var bound = compiled.BoundProperties.Select(p => p.Name);
                    calls.Add(new StaffCall(true, handler.HttpMethod.ToUpperInvariant(), route, handler.Name, routeParameters,
                        [.. handler.Parameters.Select(p => p.Name).Concat(bound)],
                        metadata.GetMetadata<RequirePermissionAttribute>(), metadata.GetMetadata<IAllowAnonymous>() is not null, null));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                {
                    calls.Add(new StaffCall(false, method, route, null, routeParameters, [],
                        endpoint.Metadata.GetMetadata<RequirePermissionAttribute>(), endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>()?.Summary));
                }
            }
        }
        return calls;
    }

    /// <summary>The route with each parameter replaced, e.g. <c>staff/items/{id:long}</c> → <c>/staff/items/42</c>.</summary>
    public static string Fill(string route, Func<string, string> value) =>
        "/" + RouteParameter().Replace(route, m => Uri.EscapeDataString(value(m.Groups[1].Value)));

    [GeneratedRegex(@"\{\*?(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
