using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>A published revision of a report, as listed on its page (更正 revisions with their date).</summary>
public sealed record PublishedRevision(int Revision, DateOnly PublishedOn, bool Late);

/// <summary>A published report as the public sees it: the revision asked for (the newest by default) and every published revision.</summary>
public sealed record PublishedReport(
    Agency Agency, AnnualReportRecord Record, AnnualReport Report, IReadOnlyList<PublishedRevision> Revisions,
    IReadOnlyList<(int Year, int? Received)> EarlierYears)
{
    public bool IsNewest => Record.Revision == Revisions[^1].Revision;
    public bool IsCorrection => Record.Revision > Revisions[0].Revision;
}

/// <summary>
/// The public's read of annual reports (portal page, public API): only published revisions exist, read outside the
/// agency scope by name like the rest of the portal (<see cref="ScopeOptOut.Portal"/>).
/// </summary>
public sealed class PublishedReports(GongkaiDbContext db)
{
    private IQueryable<AnnualReportRecord> Published =>
        db.AnnualReports.OutsideAgencyScope(ScopeOptOut.Portal).AsNoTracking().Where(r => r.Status == AnnualReportStatus.Published);

    /// <summary>The agency's published report for <paramref name="year"/> (a given revision, else the newest), or null.</summary>
    public async Task<PublishedReport?> FindAsync(string agencyCode, int year, int? revision = null, CancellationToken ct = default)
    {
        var agency = await db.Agencies.OutsideAgencyScope(ScopeOptOut.Portal).AsNoTracking().FirstOrDefaultAsync(a => a.Code == agencyCode, ct);
        if (agency is null)
        {
            return null;
        }
        var records = await Published.Where(r => r.AgencyId == agency.Id && r.Year == year).OrderBy(r => r.Revision).ToListAsync(ct);
        var record = revision is { } n ? records.FirstOrDefault(r => r.Revision == n) : records.LastOrDefault();
        if (record is null)
        {
            return null;
        }
        var revisions = records.Select(r => new PublishedRevision(r.Revision, r.PublishedOn ?? DateOnly.FromDateTime(r.PublishedAt ?? r.UpdatedAt), r.PublishedLate)).ToList();
        return new PublishedReport(agency, record, AnnualReportJson.Read(record.ModelJson), revisions, await EarlierYearsAsync(agency.Id, year, ct));
    }

    /// <summary>The portal page of the agency's report for the year, when a revision of it is published; else null.</summary>
    public async Task<string?> PageUrlAsync(int agencyId, int year, CancellationToken ct = default)
    {
        var code = await Published.Where(r => r.AgencyId == agencyId && r.Year == year)
            .Join(db.Agencies.OutsideAgencyScope(ScopeOptOut.Portal), r => r.AgencyId, a => a.Id, (r, a) => a.Code).FirstOrDefaultAsync(ct);
        return code is null ? null : ReportPublicText.PageUrl(code, year);
    }

    /// <summary>一、本年新收 总计 of the agency's earlier published reports (newest revision each), for the trend chart.</summary>
    private async Task<IReadOnlyList<(int Year, int? Received)>> EarlierYearsAsync(int agencyId, int year, CancellationToken ct)
    {
        var earlier = await Published.Where(r => r.AgencyId == agencyId && r.Year < year && r.Year >= year - 10)
            .Select(r => new { r.Year, r.Revision, r.ModelJson }).ToListAsync(ct);
        return [.. earlier.GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => (g.Key, Received(AnnualReportJson.Read(g.MaxBy(r => r.Revision)!.ModelJson))))];
    }

    private static int? Received(AnnualReport report) =>
        report.Applications.TryGetValue("一", out var row) ? row[ApplicantColumns.Total] : null;
}
