using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gongkai.Web.Limits;

/// <summary>
/// How much one request may make the server read, parse and hold: the body, the form's fields and files, the depth of a
/// JSON document. One place (configuration section <c>Limits</c>, README's configuration table) so Kestrel, the form
/// reader, the JSON reader and the in-memory test host all enforce the same numbers; a request over a limit is refused
/// with 400/413 and a Chinese message from the error table, never a 500 or an exhausted process.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Limits";

    /// <summary>The whole body. Above the largest attachment (<c>Uploads:MaxAttachmentMegabytes</c>, 20) plus the form around it.</summary>
    public long MaxRequestBodyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Fields in one form (the largest back-office form has well under 100).</summary>
    public int MaxFormFields { get; init; } = 500;

    /// <summary>
    /// One form field as posted. An item's body may be 1,000,000 characters (BodySanitizer.MaxLength), which URL-encoded
    /// Chinese triples and then some: 12 MB leaves room for it and nothing else that large.
    /// </summary>
    public int MaxFormValueBytes { get; init; } = 12 * 1024 * 1024;

    /// <summary>Files in one request: every form takes one attachment at a time.</summary>
    public int MaxFilesPerRequest { get; init; } = 5;

    /// <summary>Nesting of a JSON body: the API's deepest document is three levels.</summary>
    public int MaxJsonDepth { get; init; } = 32;

    public static RequestLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new RequestLimits();
        return new RequestLimits
        {
            MaxRequestBodyBytes = (section.GetValue<long?>("MaxRequestBodyMegabytes") ?? defaults.MaxRequestBodyBytes / 1024 / 1024) * 1024 * 1024,
            MaxFormFields = section.GetValue<int?>("MaxFormFields") ?? defaults.MaxFormFields,
            MaxFormValueBytes = (section.GetValue<int?>("MaxFormValueKilobytes") ?? defaults.MaxFormValueBytes / 1024) * 1024,
            MaxFilesPerRequest = section.GetValue<int?>("MaxFilesPerRequest") ?? defaults.MaxFilesPerRequest,
            MaxJsonDepth = section.GetValue<int?>("MaxJsonDepth") ?? defaults.MaxJsonDepth,
        };
    }
}

public static class RequestLimitsSetup
{
    /// <summary>Kestrel, the form reader and the JSON reader, from one <see cref="RequestLimits"/>.</summary>
    public static IServiceCollection AddGongkaiRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = RequestLimits.From(configuration);
        services.AddSingleton(limits);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = limits.MaxFormFields;
            o.ValueLengthLimit = limits.MaxFormValueBytes;
            o.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes;
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = limits.MaxJsonDepth);
        return services;
    }

    /// <summary>Early, inside the error handling, so a refusal is worded by the error table.</summary>
    public static IApplicationBuilder UseGongkaiRequestLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestLimitsMiddleware>();
}
