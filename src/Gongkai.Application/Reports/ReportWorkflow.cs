using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>
/// 条例第四十九条: a department submits its report to the 政府信息公开工作主管部门, which returns it with comments or
/// accepts it. A report with errors is not submitted; warnings need the reason they stand. Publishing into the 年报
/// column comes after acceptance (not yet here).
/// </summary>
public sealed class ReportWorkflow(GongkaiDbContext db, AgencyAccess access, AuditLog audit, PlatformClock clock)
{
    public async Task<AnnualReportRecord> SubmitAsync(StaffContext actor, int agencyId, int year, int version, string? warningReason, CancellationToken ct = default)
    {
        actor.Require(Permission.ReportsSubmit, "您的角色不能报送年度报告。");
        await access.EnsureWritableAsync(actor, agencyId, ct);
        var record = await LatestAsync(agencyId, year, version, ct);
        if (!record.Status.IsEditable())
        {
            throw new ValidationException("status", $"{year} 年度报告当前为“{record.Status.Label()}”，不能再次报送。");
        }
        if (record.ErrorCount > 0)
        {
            throw new ValidationException("status", $"{year} 年度报告还有 {record.ErrorCount} 项错误，改正后才能报送。");
        }
        if (record.WarningCount > 0 && string.IsNullOrWhiteSpace(warningReason))
        {
            throw new ValidationException("warningReason", $"{year} 年度报告有 {record.WarningCount} 项提示，请说明保留的理由后报送。");
        }
        record.Status = AnnualReportStatus.Submitted;
        record.SubmittedAt = clock.UtcNow;
        return await SaveAsync(actor, record, "report.submit",
            $"报送主管部门{(record.WarningCount > 0 ? $"；保留 {record.WarningCount} 项提示的理由：{warningReason!.Trim()}" : "")}", ct);
    }

    public async Task<AnnualReportRecord> ReturnAsync(StaffContext actor, int agencyId, int year, int version, string? comment, CancellationToken ct = default)
    {
        var record = await SubmittedAsync(actor, agencyId, year, version, ct);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ValidationException("comment", "退回时请写明修改意见。");
        }
        record.Status = AnnualReportStatus.Returned;
        record.ReviewComment = comment.Trim();
        return await SaveAsync(actor, record, "report.return", $"退回：{record.ReviewComment}", ct);
    }

    public async Task<AnnualReportRecord> AcceptAsync(StaffContext actor, int agencyId, int year, int version, CancellationToken ct = default)
    {
        var record = await SubmittedAsync(actor, agencyId, year, version, ct);
        record.Status = AnnualReportStatus.Accepted;
        return await SaveAsync(actor, record, "report.accept", "主管部门接收", ct);
    }

    /// <summary>The supervising office acts on a subordinate's submitted report; never on its own agency's.</summary>
    private async Task<AnnualReportRecord> SubmittedAsync(StaffContext actor, int agencyId, int year, int version, CancellationToken ct)
    {
        actor.Require(Permission.ReportsAccept, "只有政务公开主管部门可以审阅下级单位的年度报告。");
        await access.EnsureReadableAsync(actor, agencyId, ct);
        if (agencyId == actor.AgencyId && !actor.IsPlatformAdmin)
        {
            throw new ForbiddenException("主管部门不能审阅本单位的年度报告。");
        }
        var record = await LatestAsync(agencyId, year, version, ct);
        if (record.Status != AnnualReportStatus.Submitted)
        {
            throw new ValidationException("status", $"{year} 年度报告当前为“{record.Status.Label()}”，不在待审阅状态。");
        }
        return record;
    }

    private async Task<AnnualReportRecord> LatestAsync(int agencyId, int year, int version, CancellationToken ct)
    {
        var record = await db.AnnualReports.Where(r => r.AgencyId == agencyId && r.Year == year).OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"{year} 年度报告尚未生成。");
        if (record.Version != version)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再操作。");
        }
        return record;
    }

    private async Task<AnnualReportRecord> SaveAsync(StaffContext actor, AnnualReportRecord record, string action, string what, CancellationToken ct)
    {
        record.Version++;
        record.UpdatedAt = clock.UtcNow;
        record.UpdatedById = actor.UserId;
        record.UpdatedByName = actor.UserName;
        audit.Record(actor, action, "AnnualReport", $"{record.AgencyId}/{record.Year}/{record.Revision}", $"{record.Year} 年度报告（第 {record.Revision} 版）{what}", record.AgencyId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ValidationException("version", "该报告已被他人修改，请重新打开后再操作。");
        }
        return record;
    }
}
