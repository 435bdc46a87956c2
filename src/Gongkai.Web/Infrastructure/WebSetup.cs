using System.Threading.RateLimiting;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Api;
using Gongkai.Web.Errors;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

public static class WebSetup
{
    public const string StaffPolicy = "Staff";

    public static void AddGongkaiWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGongkai(builder.Configuration);
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/staff/login";
            o.AccessDeniedPath = "/staff/denied";
            o.Cookie.Name = "gongkai.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRole.All.ToArray()))
            .AddPolicy(ApiTokenAuthenticationHandler.PolicyName, p => p
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(StaffRole.All.ToArray()));
        services.AddRazorPages(o =>
        {
            o.Conventions.AddPageRoute("/Staff/Items/Edit", "/staff/items/new");
            o.Conventions.AuthorizeFolder("/Staff", StaffPolicy);
            o.Conventions.AllowAnonymousToPage("/Staff/Login");
            o.Conventions.AllowAnonymousToPage("/Staff/Denied");
        });
        // Chinese text is written as text, not as &#x...; entities: half the bytes, and readable source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        // 期限提醒邮件 (issue 3): does nothing without Smtp:Host/Smtp:From.
        services.AddHostedService(sp => sp.GetRequiredService<Gongkai.Application.Requests.Reminders.DeadlineReminderService>());
        services.AddSingleton<SetupState>();
        // The API documents enums by name (DisclosureMode "Proactive", …): accept and write them that way.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddGongkaiErrors();
        services.AddGongkaiOpenApiSecurity();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Gongkai 政府信息公开平台 API";
            doc.Info.Version = "v1";
            doc.Info.Description = "公开读取已发布的单位、栏目和信息；工作人员凭 API 令牌（Authorization: Bearer）新建、修改、提交和审核发布。";
            return Task.CompletedTask;
        }));
        // X-Forwarded-For decides the client address the rate limits and the audit log see, so it is believed only from
        // proxies the operator names (ForwardedHeaders:KnownProxies / KnownNetworks, e.g. "10.0.0.0/8"); by default only
        // a proxy on this machine (loopback). Trusting every sender would let anyone pick a new address per request.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Login attempts per client address: slows password guessing before Identity's lockout kicks in.
            o.AddPolicy("login", ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
            // Public application form and tracking lookups (issue 3): submissions and secret guesses per client address.
            o.AddPolicy("apply", ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("get")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) }));
            // Tracking lookups and letter downloads: looser (an 80-bit secret is not guessable), still bounded per address.
            o.AddPolicy("track", ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("get")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) }));
        });
        // Public pages change only when staff publish; a short cache absorbs bursts without going stale for long.
        // Each node caches in its own memory, so a page may lag a publication by at most this long. 0 turns it off.
        var cacheSeconds = builder.Configuration.GetValue("Portal:CacheSeconds", 10);
        services.AddOutputCache(o => o.AddPolicy("portal", p =>
        {
            if (cacheSeconds > 0)
            {
                p.Expire(TimeSpan.FromSeconds(cacheSeconds)).SetVaryByQuery("*").Tag("portal");
            }
            else
            {
                p.NoCache();
            }
        }));
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        await SchemaInitializer.EnsureSchemaAsync(db);
        await scope.ServiceProvider.GetRequiredService<PlatformSetupService>().EnsureRolesAsync();
    }

    public static void UseGongkaiWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Always: API callers get problem+json in every environment, pages the Chinese error page (Errors/ErrorCatalog).
        app.UseGongkaiErrors();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h.XFrameOptions = "SAMEORIGIN";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseMiddleware<SetupRedirectMiddleware>();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGongkaiApi();
        app.MapCalendarApi();
        app.MapRequestsApi();
        app.MapPortalEndpoints();
        app.MapRazorPages();
    }
}
