using System.Threading.RateLimiting;
using Gongkai.Application;
using Gongkai.Application.Accounts;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Web.Api;
using Gongkai.Web.Changes;
using Gongkai.Web.Operations;
using Gongkai.Web.Infrastructure.Permissions;
using Gongkai.Web.Infrastructure.TwoFactor;
using Gongkai.Web.Errors;
using Gongkai.Web.Limits;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

public static class WebSetup
{
    public static void AddGongkaiWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGongkai(builder.Configuration, production: builder.Environment.IsProduction());
        builder.AddGongkaiOperations();
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // Failed sign-ins are slowed down and, after many, locked by LoginThrottle (the login page), not by
                // Identity's five-strikes lockout, which anyone could use to lock a clerk out.
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
        services.AddRazorPages(o =>
        {
            o.Conventions.AddPageRoute("/Staff/Items/Edit", "/staff/items/new");
        });
        // After AddRazorPages: its page conventions need the options' service provider set up first.
        services.AddGongkaiPermissions();
        services.AddGongkaiTwoFactor(builder.Configuration);
        // Chinese text is written as text, not as &#x...; entities: half the bytes, and readable source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        // 期限提醒邮件 (issue 3): does nothing without Smtp:Host/Smtp:From.
        services.AddHostedService(sp => sp.GetRequiredService<Gongkai.Application.Requests.Reminders.DeadlineReminderService>());
        services.AddSingleton<SetupState>();
        builder.AddGongkaiChangeFeed();
        // The API documents enums by name (DisclosureMode "Proactive", …): accept and write them that way.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddGongkaiErrors();
        services.AddChineseValidationMessages();
        services.AddGongkaiRequestLimits(builder.Configuration);
        services.AddGongkaiCitizen(builder.Configuration);
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
            // Every refusal says when to come back (the body is the error page, or problem+json under /api).
            o.OnRejected = (ctx, _) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = AcceptedSubmissionLimiter.RetryAfterHeader(retryAfter);
                }
                return ValueTask.CompletedTask;
            };
            // Login attempts per client address: slows password guessing before Identity's lockout kicks in.
            o.AddPolicy("login", ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
            // Public application form: accepted applications are limited by Limits/AcceptedSubmissionLimiter (rejected
            // forms cost nothing); this only bounds a flood of posts of any kind from one client address.
            o.AddPolicy("apply", ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("get")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) }));
            // Tracking lookups and letter downloads: looser (an 80-bit secret is not guessable), still bounded per address.
            o.AddPolicy("track", ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("get")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(10) }));
        });
        // Public pages change only when staff publish. Each node caches them in its own memory, and the change feed
        // evicts exactly the pages a change touches on every node within a second (Changes/PortalCacheEviction), so the
        // lifetime is only a backstop for what the feed cannot see (a database restored underneath). 0 turns it off.
        var cacheSeconds = builder.Configuration.GetValue("Portal:CacheSeconds", 300);
        services.AddOutputCache(o => o.AddPolicy("portal", p =>
        {
            if (cacheSeconds > 0)
            {
                p.Expire(TimeSpan.FromSeconds(cacheSeconds)).SetVaryByQuery("*").Tag(Changes.PortalCacheTags.All);
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
        var keyRing = app.Services.GetRequiredService<KeyRingProtection>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongkai.DataProtection");
        if (keyRing.Mode == KeyRingProtectionMode.Unprotected && app.Environment.IsProduction())
        {
            log.LogWarning("DataProtection:AllowUnprotectedKeys is set: the key ring that decrypts applicants' personal data is stored unencrypted in the database.");
        }
        else if (keyRing.Mode == KeyRingProtectionMode.GeneratedCertificate)
        {
            log.LogInformation("The key ring is encrypted with the certificate {Path}; back it up with the database, but not in the same place.", keyRing.CertificatePath);
        }
    }

    public static void UseGongkaiWeb(this WebApplication app)
    {
        app.UseGongkaiOperations();
        app.UseForwardedHeaders();
        // Always: API callers get problem+json in every environment, pages the Chinese error page (Errors/ErrorCatalog).
        app.UseGongkaiErrors();
        app.UseGongkaiRequestLimits();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h.XFrameOptions = "SAMEORIGIN";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseGongkaiApiAntiforgery();
        app.UseMiddleware<AgencyScopeMiddleware>();
        app.UseOutputCache();
        app.UseMiddleware<SetupRedirectMiddleware>();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGongkaiApi();
        app.MapCalendarApi();
        app.MapRequestsApi();
        app.MapApplicationsApi();
        app.MapDeliveryApi();
        app.MapRequestLawApi();
        app.MapLettersApi();
        app.MapReportsApi();
        app.MapPublicReports();
        app.MapPortalEndpoints();
        app.MapApplyEndpoints();
        app.MapRazorPages();
    }
}
