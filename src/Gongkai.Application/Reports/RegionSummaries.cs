using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>A region's summary and what it was made of.</summary>
/// <param name="Agencies">How many agencies it sums (the region's own agency and every agency below it).</param>
/// <param name="Stored">How many of them contributed their stored report (the rest: generated from the records).</param>
public sealed record RegionSummary(AnnualReport Report, int Agencies, int Stored);

/// <summary>
/// A supervising office's summary over its region (e.g. 全县): the agency itself and every agency below it in the tree.
/// Each agency contributes its newest stored report for the year, or — where none is stored — the report generated
/// from its records; both are read set-wise (the generator's grouped queries over all the region's agencies, one query
/// for the stored reports), never agency by agency. The cell-wise sum is <see cref="ReportSummary"/>'s and is checked
/// like any report.
/// </summary>
public sealed class RegionSummaries(GongkaiDbContext db, AgencyAccess access, ReportGenerator generator, PlatformClock clock)
{
    public async Task<RegionSummary> SummaryAsync(StaffContext actor, int agencyId, int year, CancellationToken ct = default)
    {
        actor.Require(Permission.ReportsAccept, "只有政务公开主管部门可以汇总下级单位的年度报告。");
        await access.EnsureReadableAsync(actor, agencyId, ct);
        return await SummaryAsync(agencyId, year, ct);
    }

    public async Task<RegionSummary> SummaryAsync(int agencyId, int year, CancellationToken ct = default)
    {
        InputBounds.RequireYear("year", year, clock.Today);
        var root = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Name, Prefix = a.Path + a.Id + "/" })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("找不到该单位。");
        var ids = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId || a.Path.StartsWith(root.Prefix)).Select(a => a.Id).ToListAsync(ct);
        var generated = await generator.GenerateManyAsync(ids, year, ct);
        var stored = await db.AnnualReports.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && r.Year == year
                && r.Revision == db.AnnualReports.Where(x => x.AgencyId == r.AgencyId && x.Year == year).Max(x => x.Revision))
            .Select(r => new { r.AgencyId, r.ModelJson }).ToListAsync(ct);
        var reports = generated.ToDictionary(g => g.Key, g => g.Value);
        foreach (var s in stored)
        {
            reports[s.AgencyId] = AnnualReportJson.Read(s.ModelJson);
        }
        var summary = ReportSummary.Sum($"{root.Name}（汇总）", year, reports.Values);
        summary.Findings = ReportChecker.Check(summary);
        return new RegionSummary(summary, ids.Count, stored.Count);
    }
}
