namespace Gongkai.Web.Limits;

/// <summary>
/// Enforces <see cref="RequestLimits"/> before anything reads the request. Kestrel refuses an oversized body itself, but
/// other hosts (the in-memory test server, a host without <see cref="Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature"/>)
/// do not: there the body is counted here. A form is read here, once, so its field, length and file limits are refused
/// with their own message rather than surfacing later as a failed antiforgery check or a 500.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, RequestLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The error page re-executes the pipeline for the request that was refused: let it through to be described.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        var max = limits.MaxRequestBodyBytes;
        if (request.ContentLength > max)
        {
            throw TooLarge();
        }
        var sizeFeature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is null)
        {
            request.Body = new LimitedReadStream(request.Body, max, TooLarge);
        }
        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // The form reader's own limits (FormOptions): too many fields, a field too long, a malformed body.
                throw new RequestLimitExceededException(StatusCodes.Status400BadRequest,
                    $"表单字段过多或内容过长：每个表单最多 {limits.MaxFormFields} 项，每项不超过 {limits.MaxFormValueBytes / 1024 / 1024} MB。");
            }
            if (form.Files.Count > limits.MaxFilesPerRequest)
            {
                throw new RequestLimitExceededException(StatusCodes.Status413PayloadTooLarge,
                    $"一次最多上传 {limits.MaxFilesPerRequest} 个文件，本次提交了 {form.Files.Count} 个。");
            }
        }
        await next(context);
    }

    private RequestLimitExceededException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"提交的内容超过了 {limits.MaxRequestBodyBytes / 1024 / 1024} MB 的上限。");
}
