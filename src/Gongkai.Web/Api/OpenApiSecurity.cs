using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongkai.Web.Api;

/// <summary>
/// The OpenAPI document declares how staff endpoints authenticate: an API token (<c>Authorization: Bearer gk_…</c>) or,
/// from the back office in a browser, the staff sign-in cookie. Every endpoint that requires authorization references
/// both (either one suffices) and lists the 401/403 problems it may answer.
/// </summary>
public static class OpenApiSecurity
{
    public const string BearerScheme = "apiToken";
    public const string CookieScheme = "staffCookie";

    public static IServiceCollection AddGongkaiOpenApiSecurity(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "gk_…",
                    Description = "工作人员在“API 令牌”页面生成的令牌（只显示一次）。",
                };
                doc.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "gongkai.staff",
                    Description = "后台登录后的会话 Cookie（浏览器内调用）。",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
                {
                    return Task.CompletedTask;
                }
                var doc = context.Document;
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, doc)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, doc)] = [] },
                ];
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "未登录，或令牌无效、已撤销、已过期（application/problem+json）" });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "无权执行此操作（application/problem+json）" });
                return Task.CompletedTask;
            });
        });
}
