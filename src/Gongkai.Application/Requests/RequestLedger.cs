using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Documents;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests;

/// <summary>
/// The 依申请公开登记台账 as an Excel workbook: one row per request received in a year (and those still awaiting the
/// office's confirmation), for the visible agencies. Applicant data appear masked only, as in the lists; every export is
/// audited. <see cref="ExcelWriter"/> writes inline strings only, never formulas, so text typed by applicants cannot run in the spreadsheet.
/// </summary>
public sealed class RequestLedger(GongkaiDbContext db, AgencyAccess access, AuditLog audit)
{
    /// <summary>More rows than any one agency's year; a supervisor over a large platform exports per agency.</summary>
    public const int MaxRows = 100_000;

    public static IReadOnlyList<string> Columns { get; } =
    [
        "查询码", "受理单位", "申请人", "证件号码", "申请人类型", "提交渠道", "提交日期", "收到申请之日", "所需信息", "状态",
        "答复期限", "是否延期", "信息处理费（元）", "办理结果", "决定日期", "答复或终止日期", "证件类型", "件数",
    ];

    public async Task<(string FileName, byte[] Content)> ExportAsync(StaffContext actor, int year, int? agencyId, CancellationToken ct = default)
    {
        if (!actor.Has(Permission.RequestsExport))
        {
            throw new ForbiddenException("您的角色不能导出依申请公开台账。");
        }
        if (year is < 2008 or > 9999)
        {
            throw new ValidationException("Year", "请选择年度。");
        }
        var readable = access.Readable(actor).Select(a => a.Id);
        var q = db.Requests.AsNoTracking().Where(r => readable.Contains(r.AgencyId) && (r.ReceivedYear == year || r.State == null));
        if (agencyId is { } a)
        {
            // Another agency's ledger is "not found", like its cases: no empty export of it and no audit entry naming it.
            // The attempt is logged in the actor's own audit log, where the actor's administrators look.
            if (!await access.CanReadAsync(actor, a, ct))
            {
                audit.Record(actor, "request.export.refused", "Agency", a, $"导出{year}年依申请公开台账被拒绝：所指单位不存在或无权查看",
                    actor.AgencyId == 0 ? null : actor.AgencyId);
                await db.SaveChangesAsync(ct);
                throw new NotFoundException("找不到该记录，或您无权查看。");
            }
            q = q.Where(r => r.AgencyId == a);
        }
        var rows = await q.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).Take(MaxRows + 1)
            .Join(db.Agencies, r => r.AgencyId, g => g.Id, (r, g) => new
            {
                r.TrackingCode, Agency = g.Name, r.NameMasked, r.IdNumberMasked, r.ApplicantType, r.Channel, r.SubmittedOn, r.ReceivedOn,
                r.Description, r.State, r.DueOn, Extended = r.ExtensionApprovedOn != null, r.FeeAmountFen, r.OutcomeKey, r.DecidedOn,
                Finished = r.FinishedOn, r.IdDocumentType, r.ItemCount,
            })
            .ToListAsync(ct);
        if (rows.Count > MaxRows)
        {
            throw new ValidationException("Year", $"超过 {MaxRows:N0} 条，请按单位分别导出。");
        }
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "";
        var table = rows.Select(r => (IReadOnlyList<string>)new[]
        {
            r.TrackingCode, r.Agency, r.NameMasked, r.IdNumberMasked, r.ApplicantType.Label(), r.Channel.Label(), D(r.SubmittedOn), D(r.ReceivedOn),
            r.Description, r.State?.Label() ?? "待确认收到", D(r.DueOn), r.Extended ? "是" : "否",
            r.FeeAmountFen is { } fen ? (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "",
            r.OutcomeKey is { } key ? RequestOutcomes.ByKey(key).Label : "", D(r.DecidedOn), D(r.Finished),
            // The masked number alone does not say which document it is (条例第二十九条 accepts several).
            r.IdDocumentType.Label(), r.ItemCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var content = ExcelWriter.Write(new Worksheet($"{year}年依申请公开台账", [Columns, .. table], HeaderRows: 1));
        audit.Record(actor, "request.export", "Request", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"导出 {year} 年依申请公开台账 {rows.Count} 条（申请人信息已脱敏）", agencyId ?? actor.AgencyId);
        await db.SaveChangesAsync(ct);
        return ($"依申请公开台账-{year}.xlsx", content);
    }
}
