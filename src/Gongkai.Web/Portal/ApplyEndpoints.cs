using Gongkai.Application.Catalog;
using Gongkai.Application.Requests.PaperForm;
using Gongkai.Documents;

namespace Gongkai.Web.Portal;

/// <summary>The citizen's way in beside the online form: the agency's 申请表 as Word, to fill in and hand over or post.</summary>
public static class ApplyEndpoints
{
    public static void MapApplyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/apply/{code}/form.docx", [HttpMethods.Get, HttpMethods.Head], ApplicationFormAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ApplicationFormAsync(string code, PortalQueries portal, HttpContext ctx, CancellationToken ct)
    {
        if (await portal.AgencyAsync(code, ct) is not { } agency)
        {
            return Results.NotFound();
        }
        // The agency's name and office address are public and change rarely; a day in a cache is harmless.
        ctx.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.File(PaperApplicationForm.Write(agency), WordWriter.ContentType, PaperApplicationForm.FileName(agency));
    }
}
