using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>A case counted in 四、结转下年度继续办理 of the generated year, and why.</summary>
/// <param name="FinishedOn">Null: still open today. Otherwise finished after 31 December: counted in the next year's 办理结果.</param>
public sealed record CarriedOverCase(long Id, string TrackingCode, ApplicantType ApplicantType, DateOnly? ReceivedOn, DateOnly? FinishedOn)
{
    /// <summary>How the case counts, in the words staff read on the report page and the CLI.</summary>
    public string HowCounted(int year) => FinishedOn is { } f
        ? $"计入{year}年“四、结转下年度继续办理”；已于{f:yyyy年M月d日}办结，计入{f.Year}年的办理结果"
        : $"尚未办结：计入{year}年“四、结转下年度继续办理”和{year + 1}年“二、上年结转”";
}

/// <summary>A generated report and the cases it carries into the next year.</summary>
public sealed record GeneratedReport(AnnualReport Report, IReadOnlyList<CarriedOverCase> CarriedOver);

/// <summary>
/// Generates annual reports (条例第四十九条、第五十条) from the records: one agency, many agencies at once, or a
/// supervisor's region summary — always through <see cref="ReportFigures"/>' grouped queries, never a query per case
/// or per agency.
/// </summary>
public sealed class ReportGenerator(GongkaiDbContext db, AgencyAccess access, PlatformClock clock)
{
    /// <summary>Most cases listed as carried over; the count in 四 is always complete.</summary>
    public const int CarriedOverListLimit = 200;

    /// <summary>One agency's report for <paramref name="year"/>, with the cases it carries over.</summary>
    public async Task<GeneratedReport> GenerateAsync(StaffContext actor, int agencyId, int year, CancellationToken ct = default)
    {
        await access.EnsureReadableAsync(actor, agencyId, ct);
        return await GenerateAsync(agencyId, year, ct);
    }

    /// <summary>As <see cref="GenerateAsync(StaffContext, int, int, CancellationToken)"/> for the console (the operator is the platform).</summary>
    public async Task<GeneratedReport> GenerateAsync(int agencyId, int year, CancellationToken ct = default)
    {
        InputBounds.RequireYear("year", year, clock.Today);
        var reports = await GenerateManyAsync([agencyId], year, ct);
        var report = reports.GetValueOrDefault(agencyId) ?? throw new NotFoundException("找不到该单位。");
        return new GeneratedReport(report, await CarriedOverAsync(agencyId, year, ct));
    }

    /// <summary>The reports of <paramref name="agencyIds"/> for one year, from one set of grouped queries.</summary>
    public async Task<IReadOnlyDictionary<int, AnnualReport>> GenerateManyAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var figures = await ReportFigures.ForAgenciesAsync(db, names.Keys, year, ct);
        return names.ToDictionary(n => n.Key, n => ReportLayout.Build(n.Value, year, figures[n.Key]));
    }

    /// <summary>
    /// The cases that count in 四 of <paramref name="year"/>: received by 31 December and not finished by then. While the
    /// year is still running (or a case is still open), these numbers will change.
    /// </summary>
    public async Task<IReadOnlyList<CarriedOverCase>> CarriedOverAsync(int agencyId, int year, CancellationToken ct = default)
    {
        var end = new DateOnly(year, 12, 31);
        return await db.Requests.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.State != null && r.ReceivedYear <= year && (r.FinishedOn == null || r.FinishedOn > end))
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).Take(CarriedOverListLimit)
            .Select(r => new CarriedOverCase(r.Id, r.TrackingCode, r.ApplicantType, r.ReceivedOn, r.FinishedOn))
            .ToListAsync(ct);
    }
}
