using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// <c>Authorization: Bearer gk_…</c> for the staff API. Tokens are random, shown once, stored only as SHA-256;
/// a revoked or expired token, or a locked-out account, is refused.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GongkaiDbContext db,
    UserManager<StaffUser> users,
    IUserClaimsPrincipalFactory<StaffUser> claims,
    PlatformClock clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static string Hash(string token) => AccountService.HashToken(token);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        // Nobody is known yet: the token and its account are looked up outside the agency scope.
        using var unrestricted = db.AgencyScope.Unrestricted(ScopeOptOut.SignIn);
        var token = header["Bearer ".Length..].Trim();
        var hash = Hash(token);
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash);
        var now = clock.UtcNow;
        if (row is null || row.Revoked || (row.ExpiresAt is { } exp && exp < now))
        {
            return AuthenticateResult.Fail("API 令牌无效、已撤销或已过期。");
        }
        var user = await users.FindByIdAsync(row.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("令牌所属账号不存在或已锁定。");
        }
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync();
        }
        var principal = await claims.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
