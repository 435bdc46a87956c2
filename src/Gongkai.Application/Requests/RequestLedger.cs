using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests;

/// <summary>
/// The 依申请公开登记台账 as an Excel workbook: one row per application received in a year (and those still awaiting the
/// office's confirmation), for the visible agencies. Applicant data appear masked only, as in the lists; every export is
/// audited. Cells are inline strings, never formulas, so text typed by applicants cannot run in the spreadsheet.
/// </summary>
public sealed class RequestLedger(GongkaiDbContext db, AgencyAccess access, AuditLog audit)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>More rows than any one agency's year; a supervisor over a large platform exports per agency.</summary>
    public const int MaxRows = 100_000;

    public static IReadOnlyList<string> Columns { get; } =
    [
        "查询码", "受理单位", "申请人", "证件号码", "申请人类型", "提交渠道", "提交日期", "收到申请之日", "所需信息", "状态",
        "答复期限", "是否延期", "信息处理费（元）", "办理结果", "决定日期", "答复或终止日期",
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
            await access.EnsureReadableAsync(actor, a, ct);
            q = q.Where(r => r.AgencyId == a);
        }
        var rows = await q.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).Take(MaxRows + 1)
            .Join(db.Agencies, r => r.AgencyId, g => g.Id, (r, g) => new
            {
                r.TrackingCode, Agency = g.Name, r.NameMasked, r.IdNumberMasked, r.ApplicantType, r.Channel, r.SubmittedOn, r.ReceivedOn,
                r.Description, r.State, r.DueOn, Extended = r.ExtensionApprovedOn != null, r.FeeAmountFen, r.OutcomeKey, r.DecidedOn,
                Finished = r.FinishedOn,
            })
            .ToListAsync(ct);
        if (rows.Count > MaxRows)
        {
            throw new ValidationException("Year", $"超过 {MaxRows:N0} 条，请按单位分别导出。");
        }
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "";
        var table = rows.Select(r => new[]
        {
            r.TrackingCode, r.Agency, r.NameMasked, r.IdNumberMasked, r.ApplicantType.Label(), r.Channel.Label(), D(r.SubmittedOn), D(r.ReceivedOn),
            r.Description, r.State?.Label() ?? "待确认收到", D(r.DueOn), r.Extended ? "是" : "否",
            r.FeeAmountFen is { } fen ? (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "",
            r.OutcomeKey is { } key ? RequestOutcomes.ByKey(key).Label : "", D(r.DecidedOn), D(r.Finished),
        });
        var content = Workbook($"{year}年依申请公开台账", Columns, table);
        audit.Record(actor, "request.export", "Request", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"导出 {year} 年依申请公开台账 {rows.Count} 条（申请人信息已脱敏）", agencyId ?? actor.AgencyId);
        await db.SaveChangesAsync(ct);
        return ($"依申请公开台账-{year}.xlsx", content);
    }

    /// <summary>One sheet, a bold-free header row and inline-string cells (no shared-string table, no formulas).</summary>
    public static byte[] Workbook(string sheetName, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, header));
            uint n = 2;
            foreach (var r in rows)
            {
                data.Append(Row(n++, r));
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<string> values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[i] ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }
        return name;
    }
}
