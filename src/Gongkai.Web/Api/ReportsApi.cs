using Gongkai.Application;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Data;
using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Infrastructure.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// Staff API for annual reports (条例第四十九条、第五十条) under /api/v1/staff/agencies/{code}/reports: the JSON model shared
/// with the CLI and the checker (<see cref="AnnualReportJson"/>).
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/staff/agencies/{code}/reports").WithTags("reports");
        staff.MapGet("/{year:int}", Get).WithName("GetAnnualReport").RequirePermission(Permission.ReportsView)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("年度报告（JSON）：已保存的最新版本；尚未保存时为从记录生成的报告，附检查结果");
    }

    private static async Task<IResult> Get(string code, int year, CurrentStaff staff, GongkaiDbContext db, ReportStore store,
        ReportGenerator generator, CancellationToken ct)
    {
        var agencyId = await db.Agencies.Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("找不到该单位。");
        var report = (await store.FindAsync(staff.Context, agencyId, year, ct))?.Report;
        if (report is null)
        {
            report = (await generator.GenerateAsync(staff.Context, agencyId, year, ct)).Report;
            report.Findings = ReportChecker.Check(report);
        }
        return Results.Text(AnnualReportJson.Write(report), "application/json; charset=utf-8");
    }
}
