using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Requests;
using Gongkai.Domain.Catalog;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>
/// 第二十条第（一）项 figures of one document kind (规章 or 规范性文件) for a report year, counted from the catalog.
/// </summary>
/// <param name="IssuedInYear">成文 (else 发布) in the year: 本年制发件数 (2021) / 本年新制作数量 (2019).</param>
/// <param name="RepealedInYear">废止 or 失效 with the date in the year: 本年废止件数 (2021).</param>
/// <param name="InForceAtYearEnd">Issued by 31 December and not repealed or lapsed by then: 现行有效件数 (2021).</param>
/// <param name="PublishedInYear">发布 in the year: 本年新公开数量 (2019).</param>
/// <param name="PublishedByYearEnd">发布 by 31 December: 对外公开总数量 (2019).</param>
public sealed record CatalogDocumentFigures(int IssuedInYear, int RepealedInYear, int InForceAtYearEnd, int PublishedInYear, int PublishedByYearEnd)
{
    public static CatalogDocumentFigures None { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>Everything the records say about one agency's report year, before it is laid out in a template.</summary>
public sealed record AgencyYearFigures(
    AnnualRequestStatistics Requests,
    IReadOnlyDictionary<DocumentKind, CatalogDocumentFigures> Documents,
    long FeesPaidFen);

/// <summary>
/// The annual report's figures for a set of agencies, read with a fixed handful of grouped queries whatever the number of
/// agencies or cases (a region summary of hundreds of agencies is the same seven queries as one agency's report).
/// </summary>
public static class ReportFigures
{
    /// <summary>
    /// Sections 三 and 四 by agency. A case counts in 三 in the year it was finished (answered or closed), so
    /// 一 + 二 = （七）总计 + 四 holds by construction; an appeal still open on 31 December counts as 尚未审结.
    /// Appeals are read by their own agency, not through a case.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, AnnualRequestStatistics>> RequestStatisticsAsync(
        GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        var ids = agencyIds.Distinct().ToList();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var all = db.Requests.AsNoTracking().Where(r => ids.Contains(r.AgencyId) && r.State != null);
        var received = await all.Where(r => r.ReceivedYear == year)
            .GroupBy(r => new { r.AgencyId, r.ApplicantType }).Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var carriedIn = await all.Where(r => r.ReceivedYear < year && (r.FinishedOn == null || r.FinishedOn >= start))
            .GroupBy(r => new { r.AgencyId, r.ApplicantType }).Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var finished = await all.Where(r => r.FinishedOn >= start && r.FinishedOn <= end && r.OutcomeKey != null)
            .GroupBy(r => new { r.AgencyId, r.OutcomeKey, r.ApplicantType })
            .Select(g => new { g.Key.AgencyId, g.Key.OutcomeKey, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var carriedOut = await all.Where(r => r.ReceivedYear <= year && (r.FinishedOn == null || r.FinishedOn > end))
            .GroupBy(r => new { r.AgencyId, r.ApplicantType }).Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, Count = g.Count() }).ToListAsync(ct);
        var appeals = await db.RequestAppeals.AsNoTracking()
            .Where(a => ids.Contains(a.AgencyId) && a.FiledOn <= end && (a.ConcludedOn == null || a.ConcludedOn >= start))
            .GroupBy(a => new { a.AgencyId, a.Kind, a.Result, Concluded = a.ConcludedOn != null && a.ConcludedOn <= end })
            .Select(g => new { g.Key.AgencyId, g.Key.Kind, g.Key.Result, g.Key.Concluded, Count = g.Count() }).ToListAsync(ct);

        return ids.ToDictionary(id => id, id => new AnnualRequestStatistics(year,
            received.Where(x => x.AgencyId == id).ToDictionary(x => x.ApplicantType, x => x.Count),
            carriedIn.Where(x => x.AgencyId == id).ToDictionary(x => x.ApplicantType, x => x.Count),
            finished.Where(x => x.AgencyId == id).ToDictionary(x => (x.OutcomeKey!, x.ApplicantType), x => x.Count),
            carriedOut.Where(x => x.AgencyId == id).ToDictionary(x => x.ApplicantType, x => x.Count),
            appeals.Where(x => x.AgencyId == id)
                .GroupBy(x => (x.Kind, x.Concluded ? x.Result : AppealResult.Pending))
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Count))));
    }

    /// <summary>Sections 三 and 四, 第二十条第（一）项 and the 信息处理费 paid, by agency.</summary>
    public static async Task<IReadOnlyDictionary<int, AgencyYearFigures>> ForAgenciesAsync(
        GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        var ids = agencyIds.Distinct().ToList();
        var requests = await RequestStatisticsAsync(db, ids, year, ct);
        var documents = await DocumentsAsync(db, ids, year, ct);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        // 国办函〔2020〕109号: the fee counts in the year it was paid (收取), not the year it was notified.
        var fees = await db.Requests.AsNoTracking()
            .Where(r => ids.Contains(r.AgencyId) && r.FeePaidOn >= start && r.FeePaidOn <= end && r.FeeAmountFen != null)
            .GroupBy(r => r.AgencyId).Select(g => new { AgencyId = g.Key, Fen = g.Sum(r => r.FeeAmountFen!.Value) }).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => new AgencyYearFigures(requests[id],
            documents.Where(d => d.AgencyId == id).ToDictionary(d => d.Kind, d => d.Figures),
            fees.FirstOrDefault(f => f.AgencyId == id)?.Fen ?? 0));
    }

    /// <summary>
    /// 规章 and 规范性文件 in the catalog (published items only: a draft is not yet issued, a withdrawn item is no longer
    /// disclosed). The issue date is 成文日期, else 发布日期; a repeal counts by its 失效/废止日期. A document marked repealed
    /// without a date is taken as no longer in force and counted as repealed in no year.
    /// </summary>
    private static async Task<List<(int AgencyId, DocumentKind Kind, CatalogDocumentFigures Figures)>> DocumentsAsync(
        GongkaiDbContext db, List<int> ids, int year, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var rows = await db.Items.AsNoTracking()
            .Where(i => ids.Contains(i.AgencyId) && i.Status == ItemStatus.Published
                && (i.DocumentKind == DocumentKind.Regulation || i.DocumentKind == DocumentKind.NormativeDocument))
            .Select(i => new
            {
                i.AgencyId,
                i.DocumentKind,
                IssuedOn = i.WrittenOn ?? i.PublishedOn,
                i.PublishedOn,
                Ended = i.Validity == Validity.Repealed || i.Validity == Validity.Lapsed,
                i.InvalidatedOn,
            })
            .GroupBy(i => new { i.AgencyId, i.DocumentKind })
            .Select(g => new
            {
                g.Key.AgencyId,
                g.Key.DocumentKind,
                Issued = g.Count(i => i.IssuedOn >= start && i.IssuedOn <= end),
                Repealed = g.Count(i => i.Ended && i.InvalidatedOn >= start && i.InvalidatedOn <= end),
                InForce = g.Count(i => i.IssuedOn <= end && !(i.Ended && (i.InvalidatedOn == null || i.InvalidatedOn <= end))),
                Published = g.Count(i => i.PublishedOn >= start && i.PublishedOn <= end),
                PublishedTotal = g.Count(i => i.PublishedOn <= end),
            }).ToListAsync(ct);
        return [.. rows.Select(r => (r.AgencyId, r.DocumentKind,
            new CatalogDocumentFigures(r.Issued, r.Repealed, r.InForce, r.Published, r.PublishedTotal)))];
    }
}
