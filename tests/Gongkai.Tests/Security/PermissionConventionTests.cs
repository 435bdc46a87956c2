using System.Security.Claims;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Security;

/// <summary>
/// Conventions that fail when someone forgets: every back-office page and staff endpoint names its permission, and one
/// that names none is closed by the fallback policy. They read the real host's endpoints and policies; no database
/// behaviour is involved, so they run on SQLite only.
/// </summary>
public sealed class PermissionConventionTests(PostgresServer postgres)
{
    [Fact]
    public async Task EveryStaffPageAndStaffApiEndpoint_DeclaresThePermissionItNeeds()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);

        var calls = await StaffSurface.EnumerateAsync(app.Factory.Services);
        var undeclared = calls.Where(c => c.Permission is null && !StaffSurface.AllowAnonymous.Contains(c.Route)).Select(c => c.ToString()).Distinct();
        var openByMistake = calls.Where(c => c.AllowsAnonymous && !StaffSurface.AllowAnonymous.Contains(c.Route)).Select(c => c.ToString()).Distinct();
        var allowListedButClosed = calls.Where(c => StaffSurface.AllowAnonymous.Contains(c.Route) && !c.AllowsAnonymous).Select(c => c.ToString()).Distinct();

        Assert.Contains(calls, c => c.IsPage && c.Route == "staff/requests/{id:long}" && c.Handler == "Appeal");
        Assert.Contains(calls, c => !c.IsPage && c.Route.StartsWith("api/v1/staff/requests", StringComparison.Ordinal));
        Assert.Empty(undeclared);
        Assert.Empty(openByMistake);
        Assert.Empty(allowListedButClosed);
    }

    [Theory]
    [InlineData("/staff/forgotten")]
    [InlineData("/Staff/Items/Forgotten")]
    [InlineData("/api/v1/staff/forgotten")]
    public async Task AStaffEndpointThatDeclaresNothing_IsDeniedByTheFallbackPolicy_EvenToThePlatformAdmin(string path)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        var services = app.Factory.Services;
        var forgotten = new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "forgotten");
        // What the authorization middleware does for an endpoint: combine its IAuthorizeData, else take the fallback.
        var policy = await AuthorizationPolicy.CombineAsync(services.GetRequiredService<IAuthorizationPolicyProvider>(), [], []);
        var everyRole = new ClaimsPrincipal(new ClaimsIdentity(StaffRole.All.Select(r => new Claim(ClaimTypes.Role, r)), "test"));

        var underStaff = await AuthorizeAsync(services, policy!, everyRole, path, forgotten);
        var onThePortal = await AuthorizeAsync(services, policy!, new ClaimsPrincipal(new ClaimsIdentity()), "/agencies/000014349", forgotten);
        var noSuchRoute = await AuthorizeAsync(services, policy!, new ClaimsPrincipal(new ClaimsIdentity()), path, null);

        Assert.False(underStaff.Succeeded);
        Assert.True(onThePortal.Succeeded); // the fallback closes the staff area, not the public site
        Assert.True(noSuchRoute.Succeeded); // no endpoint: let it answer 404
    }

    private static async Task<AuthorizationResult> AuthorizeAsync(IServiceProvider services, AuthorizationPolicy policy, ClaimsPrincipal user, string path, Endpoint? endpoint)
    {
        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        http.Request.Path = path;
        http.SetEndpoint(endpoint);
        return await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, http, policy);
    }
}
