using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Gongkai.Application.Reports;

/// <summary>One subordinate agency's report for the year on the supervisor's dashboard.</summary>
/// <param name="Status">The newest revision's status; null when no report has been started.</param>
/// <param name="Deadline">条例第四十九条 (null for a township: set locally).</param>
/// <param name="Late">Published after the deadline, or still unpublished once it has passed.</param>
public sealed record ReportDashboardRow(
    int AgencyId, string AgencyCode, string AgencyName, AgencyKind Kind, AnnualReportStatus? Status, int? Revision,
    DateOnly? Deadline, DateOnly? PublishedOn, bool Late)
{
    public string StatusLabel => Status?.Label() ?? "未开始";
}

/// <summary>
/// The supervising office's view of a year (条例第四十九条): every agency below it with the state of its report — not
/// started, draft, submitted, returned, accepted, published on time or late. Two queries for all the agencies, not one per agency.
/// </summary>
public sealed class ReportDashboard(GongkaiDbContext db, AgencyAccess access, PlatformClock clock)
{
    public async Task<IReadOnlyList<ReportDashboardRow>> ForYearAsync(StaffContext actor, int year, CancellationToken ct = default)
    {
        actor.Require(Permission.ReportsAccept, "只有政务公开主管部门可以查看下级单位的年度报告进度。");
        var agencies = await access.Readable(actor).Where(a => a.Id != actor.AgencyId)
            .OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Name, a.Kind }).ToListAsync(ct);
        var ids = agencies.Select(a => a.Id).ToList();
        var records = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && ids.Contains(r.AgencyId))
            .Select(r => new { r.AgencyId, r.Revision, r.Status, r.PublishedOn, r.PublishedLate }).ToListAsync(ct);
        // The first publication is the one the deadline is about; a later correction does not make it late.
        var firstPublished = records.Where(r => r.PublishedOn is not null).GroupBy(r => r.AgencyId)
            .ToDictionary(g => g.Key, g => g.MinBy(r => r.Revision)!);
        var newest = records.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!);
        var today = clock.Today;
        return [.. agencies.Select(a =>
        {
            var deadline = ReportDeadline.For(year, a.Kind);
            var latest = newest.GetValueOrDefault(a.Id);
            var published = firstPublished.GetValueOrDefault(a.Id);
            var late = published is not null ? published.PublishedLate : deadline is { } due && today > due;
            return new ReportDashboardRow(a.Id, a.Code, a.Name, a.Kind, latest?.Status, latest?.Revision,
                deadline?.ToDateOnly(), published?.PublishedOn, late);
        })];
    }
}
