using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>A stored report revision with its model read back.</summary>
public sealed record StoredReport(AnnualReportRecord Record, AnnualReport Report);

/// <summary>
/// Annual report drafts: generate from the records (or refresh the figures), save staff's entries, and check on every
/// save — the findings are stored with the report, on their cells. Submitted, accepted and published reports are not
/// changed here (条例第四十九条 workflow).
/// </summary>
public sealed class ReportStore(GongkaiDbContext db, AgencyAccess access, ReportGenerator generator, AuditLog audit, PlatformClock clock)
{
    /// <summary>Every stored revision of the agency's reports, newest year first.</summary>
    public async Task<IReadOnlyList<AnnualReportRecord>> ListAsync(StaffContext actor, int agencyId, CancellationToken ct = default)
    {
        await access.EnsureReadableAsync(actor, agencyId, ct);
        return await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == agencyId)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Revision).ToListAsync(ct);
    }

    /// <summary>Reports submitted to the actor's office by the agencies below it, waiting to be returned or accepted.</summary>
    public async Task<IReadOnlyList<(AnnualReportRecord Record, string AgencyName)>> AwaitingReviewAsync(StaffContext actor, CancellationToken ct = default)
    {
        if (!actor.Has(Permission.ReportsAccept))
        {
            return [];
        }
        var readable = access.Readable(actor).Where(a => a.Id != actor.AgencyId);
        var rows = await db.AnnualReports.AsNoTracking().Where(r => r.Status == AnnualReportStatus.Submitted)
            .Join(readable, r => r.AgencyId, a => a.Id, (r, a) => new { Record = r, a.Name })
            .OrderBy(x => x.Record.SubmittedAt).ToListAsync(ct);
        return [.. rows.Select(x => (x.Record, x.Name))];
    }

    /// <summary>The newest revision of the agency's report for <paramref name="year"/>, or null.</summary>
    public async Task<StoredReport?> FindAsync(StaffContext actor, int agencyId, int year, CancellationToken ct = default)
    {
        await access.EnsureReadableAsync(actor, agencyId, ct);
        var record = await LatestAsync(agencyId, year, ct);
        return record is null ? null : new StoredReport(record, AnnualReportJson.Read(record.ModelJson));
    }

    /// <summary>
    /// Creates the year's draft from the records, or refreshes an editable draft's figures (sections 三, 四 and
    /// 第二十条第（一）项) while keeping what staff entered (the other section 二 cells, the texts). A published report gets
    /// a new revision; a report with the supervising office is not touched.
    /// </summary>
    public async Task<StoredReport> GenerateDraftAsync(StaffContext actor, int agencyId, int year, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, agencyId, ct);
        var generated = (await generator.GenerateAsync(agencyId, year, ct)).Report;
        var record = await LatestAsync(agencyId, year, ct, tracked: true);
        if (record is not null && record.Status is AnnualReportStatus.Submitted or AnnualReportStatus.Accepted)
        {
            throw new ValidationException("year", $"{year} 年度报告当前为“{record.Status.Label()}”，不能重新生成；请等待主管部门退回。");
        }
        if (record is not null)
        {
            // A correction starts from the published revision: what staff entered there is kept, like in a refresh.
            KeepEntries(AnnualReportJson.Read(record.ModelJson), generated);
        }
        if (record is null || !record.Status.IsEditable())
        {
            var revision = (record?.Revision ?? 0) + 1;
            record = new AnnualReportRecord
            {
                AgencyId = agencyId, Year = year, Revision = revision, Template = generated.Template.Code, ModelJson = "",
                Status = AnnualReportStatus.Draft, CreatedAt = clock.UtcNow, UpdatedById = actor.UserId, UpdatedByName = actor.UserName,
            };
            db.AnnualReports.Add(record);
        }
        var previous = await PreviousAsync(agencyId, year, ct);
        CarryItemCounts(previous, generated);
        return await SaveAsync(actor, record, generated, previous, "report.generate", "从记录生成/刷新", ct);
    }

    /// <summary>Refreshes the figures of the draft staff have open (<paramref name="version"/>: the one they read).</summary>
    public async Task<StoredReport> RefreshDraftAsync(StaffContext actor, int agencyId, int year, int version, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, agencyId, ct);
        var record = await LatestAsync(agencyId, year, ct) ?? throw new NotFoundException($"{year} 年度报告尚未生成。");
        if (record.Version != version)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再刷新。");
        }
        return await GenerateDraftAsync(actor, agencyId, year, ct);
    }

    /// <summary>
    /// Saves staff's entries on an editable report. A number that breaks a rule is saved, with the finding on its cell;
    /// a negative or non-integer count is refused and nothing is saved.
    /// </summary>
    public async Task<StoredReport> SaveDraftAsync(StaffContext actor, int agencyId, int year, int version, ReportEdits edits, CancellationToken ct = default)
    {
        await RequireEditorAsync(actor, agencyId, ct);
        var record = await LatestAsync(agencyId, year, ct, tracked: true)
            ?? throw new NotFoundException($"{year} 年度报告尚未生成。");
        if (!record.Status.IsEditable())
        {
            throw new ValidationException("status", $"{year} 年度报告当前为“{record.Status.Label()}”，不能修改。");
        }
        if (record.Version != version)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再保存。");
        }
        var report = AnnualReportJson.Read(record.ModelJson);
        ReportCells.Apply(report, edits);
        return await SaveAsync(actor, record, report, await PreviousAsync(agencyId, year, ct), "report.save", "保存草稿", ct);
    }

    private async Task<StoredReport> SaveAsync(StaffContext actor, AnnualReportRecord record, AnnualReport report, AnnualReport? previous,
        string action, string what, CancellationToken ct)
    {
        var kind = await db.Agencies.Where(a => a.Id == record.AgencyId).Select(a => a.Kind).SingleAsync(ct);
        report.Findings = ReportChecker.Check(report, previous, kind);
        record.ModelJson = AnnualReportJson.Write(report);
        record.Template = report.Template.Code;
        record.ErrorCount = report.Findings.Count(f => f.Severity == FindingSeverity.Error);
        record.WarningCount = report.Findings.Count - record.ErrorCount;
        record.Version++;
        record.UpdatedAt = clock.UtcNow;
        record.UpdatedById = actor.UserId;
        record.UpdatedByName = actor.UserName;
        audit.Record(actor, action, "AnnualReport", $"{record.AgencyId}/{record.Year}/{record.Revision}",
            $"{record.Year} 年度报告（第 {record.Revision} 版）{what}：错误 {record.ErrorCount} 项，提示 {record.WarningCount} 项", record.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再保存。");
        }
        return new StoredReport(record, report);
    }

    private async Task RequireEditorAsync(StaffContext actor, int agencyId, CancellationToken ct)
    {
        actor.Require(Permission.ReportsEdit, "您的角色不能编写年度报告。");
        await access.EnsureWritableAsync(actor, agencyId, ct);
    }

    private Task<AnnualReportRecord?> LatestAsync(int agencyId, int year, CancellationToken ct, bool tracked = false)
    {
        var q = tracked ? db.AnnualReports : db.AnnualReports.AsNoTracking();
        return q.Where(r => r.AgencyId == agencyId && r.Year == year).OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
    }

    /// <summary>Last year's newest stored report, for the cross-year rules and the 2019 format's 上一年项目数量.</summary>
    private async Task<AnnualReport?> PreviousAsync(int agencyId, int year, CancellationToken ct) =>
        await LatestAsync(agencyId, year - 1, ct) is { } r ? AnnualReportJson.Read(r.ModelJson) : null;

    /// <summary>What staff entered survives a refresh: section 二 beyond the catalog's table, and the texts they wrote.</summary>
    private static void KeepEntries(AnnualReport stored, AnnualReport generated)
    {
        if (stored.Template != generated.Template)
        {
            return;
        }
        var fromCatalog = generated.Template.Section2[0].Key;
        foreach (var (table, row, column, value) in stored.Section2.Cells().Where(c => c.Table.Key != fromCatalog))
        {
            generated.Section2[table.Key, row, column.Label] = value;
        }
        foreach (var key in ReportText.Keys)
        {
            generated.Text[key] = stored.Text[key] ?? generated.Text[key];
        }
    }

    /// <summary>
    /// The 2019 format's 上一年项目数量 (tables （五）（六）（八）): last year's count plus last year's 本年增/减, when last
    /// year's report has both; a cell staff filled is not overwritten.
    /// </summary>
    private static void CarryItemCounts(AnnualReport? previous, AnnualReport report)
    {
        const string count = "上一年项目数量";
        const string change = "本年增/减";
        if (previous is null || previous.Template != report.Template || report.Template.Format != ReportFormat.Format2019)
        {
            return;
        }
        foreach (var table in report.Template.Section2.Where(t => t.Column(count) is not null && t.Column(change) is not null))
        {
            foreach (var row in table.Rows)
            {
                if (report.Section2[table.Key, row, count] is null
                    && previous.Section2[table.Key, row, count] is { } last && previous.Section2[table.Key, row, change] is { } delta)
                {
                    report.Section2[table.Key, row, count] = last + delta;
                }
            }
        }
    }
}
