using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Appeals;

/// <summary>An appeal as typed on the appeals page or sent to the API.</summary>
/// <param name="RequestId">The case it is about, if it is about one; otherwise <paramref name="Subject"/> says what.</param>
public sealed record AppealInput(int? AgencyId, long? RequestId, AppealKind Kind, DateOnly? FiledOn, string? Body, string? CaseNumber,
    string? Subject, AppealResult Result, DateOnly? ConcludedOn, string? Note)
{
    public static AppealInput From(RequestAppeal a) =>
        new(a.AgencyId, a.RequestId, a.Kind, a.FiledOn, a.Body, a.CaseNumber, a.Subject, a.Result, a.ConcludedOn, a.Note);
}

/// <summary>An appeal in the agency's list, with the case's tracking code when it belongs to one.</summary>
public sealed record AppealRow(RequestAppeal Appeal, string AgencyName, string? TrackingCode);

/// <summary>
/// The agency's book of 行政复议 and 行政诉讼 about its disclosure work (条例第五十条第（三）项 counts all of them in the annual
/// report's section 四): those against one case's answer and those about no single application — e.g. against proactive
/// disclosure, or several applications at once. Agency-owned (<see cref="IAgencyOwned"/>): the query filter keeps other
/// agencies' appeals out of reach, and writing needs write access to the agency.
/// </summary>
public sealed class AppealBook(GongkaiDbContext db, AgencyAccess access, AuditLog audit, PlatformClock clock)
{
    public const int MaxSubjectLength = 200;

    /// <summary>The visible agencies' appeals filed in <paramref name="year"/> or still open during it, newest first.</summary>
    public async Task<List<AppealRow>> ListAsync(StaffContext actor, int? agencyId, int? year, CancellationToken ct = default)
    {
        var readable = access.Readable(actor).Select(a => a.Id);
        var q = db.RequestAppeals.AsNoTracking().Where(a => readable.Contains(a.AgencyId));
        if (agencyId is { } id)
        {
            q = q.Where(a => a.AgencyId == id);
        }
        if (year is { } y)
        {
            InputBounds.RequireYear("year", y, clock.Today);
            var start = new DateOnly(y, 1, 1);
            var end = new DateOnly(y, 12, 31);
            q = q.Where(a => a.FiledOn <= end && (a.ConcludedOn == null || a.ConcludedOn >= start));
        }
        return await RowsAsync(q.OrderByDescending(a => a.FiledOn).ThenByDescending(a => a.Id).Take(500), ct);
    }

    /// <summary>One appeal with its agency's name and its case's tracking code.</summary>
    public async Task<AppealRow> RowAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        var appeal = await GetAsync(actor, id, ct);
        return (await RowsAsync(db.RequestAppeals.AsNoTracking().Where(a => a.Id == appeal.Id), ct)).Single();
    }

    private async Task<List<AppealRow>> RowsAsync(IQueryable<RequestAppeal> q, CancellationToken ct)
    {
        var rows = await q.Select(a => new
        {
            Appeal = a,
            Agency = db.Agencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault(),
            Code = db.Requests.Where(r => r.Id == a.RequestId).Select(r => r.TrackingCode).FirstOrDefault(),
        }).ToListAsync(ct);
        return [.. rows.Select(r => new AppealRow(r.Appeal, r.Agency ?? "", r.Code))];
    }

    /// <summary>One appeal the actor may read (<see cref="NotFoundException"/> otherwise, including another agency's).</summary>
    public async Task<RequestAppeal> GetAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        var appeal = await db.RequestAppeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null || !await access.CanReadAsync(actor, appeal.AgencyId, ct))
        {
            throw new NotFoundException(NotFound);
        }
        return appeal;
    }

    public async Task<RequestAppeal> AddAsync(StaffContext actor, AppealInput input, CancellationToken ct = default)
    {
        var agencyId = input.AgencyId ?? actor.AgencyId;
        RequestCaseStore.RequireHandler(actor);
        await access.EnsureWritableAsync(actor, agencyId, ct);
        var appeal = new RequestAppeal { AgencyId = agencyId, Body = "" };
        await ApplyAsync(appeal, input, ct);
        db.RequestAppeals.Add(appeal);
        audit.Record(actor, "appeal.add", "Appeal", null, $"{appeal.Kind.Label()} {appeal.Body}：{Describe(appeal)}", agencyId);
        await db.SaveChangesAsync(ct);
        return appeal;
    }

    /// <summary>Corrects or concludes an appeal; it stays with its agency (and its case, if it has one).</summary>
    public async Task<RequestAppeal> UpdateAsync(StaffContext actor, long id, AppealInput input, CancellationToken ct = default)
    {
        RequestCaseStore.RequireHandler(actor);
        var appeal = await db.RequestAppeals.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(NotFound);
        if (!await access.CanReadAsync(actor, appeal.AgencyId, ct))
        {
            throw new NotFoundException(NotFound);
        }
        await access.EnsureWritableAsync(actor, appeal.AgencyId, ct);
        await ApplyAsync(appeal, input with { RequestId = appeal.RequestId }, ct);
        audit.Record(actor, "appeal.update", "Appeal", appeal.Id, $"{appeal.Kind.Label()} {appeal.Body} → {appeal.Result.Label()}", appeal.AgencyId);
        await db.SaveChangesAsync(ct);
        return appeal;
    }

    private const string NotFound = "找不到该复议或诉讼记录，或您无权查看。";

    private static string Describe(RequestAppeal a) => a.Subject ?? (a.RequestId is { } r ? $"申请 #{r}" : "");

    /// <summary>Checks every field (all problems at once) and copies them; nothing is changed when one is wrong.</summary>
    private async Task ApplyAsync(RequestAppeal appeal, AppealInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = clock.Today;
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add("Kind", "请选择行政复议或行政诉讼。");
        }
        if (!Enum.IsDefined(input.Result))
        {
            errors.Add("Result", "请选择审理结果（结果维持、结果纠正、其他结果或尚未审结）。");
        }
        InputBounds.CheckDate(errors, "FiledOn", input.FiledOn, today);
        InputBounds.CheckDate(errors, "ConcludedOn", input.ConcludedOn, today);
        if (input.FiledOn is null)
        {
            errors.Add("FiledOn", "请填写申请复议或起诉日期。");
        }
        else if (input.FiledOn > clock.TodayDate)
        {
            errors.Add("FiledOn", "日期不能晚于今天。");
        }
        if (string.IsNullOrWhiteSpace(input.Body))
        {
            errors.Add("Body", input.Kind == AppealKind.Reconsideration ? "请填写复议机关。" : "请填写受理法院。");
        }
        else if (input.Body.Trim().Length > 200)
        {
            errors.Add("Body", "复议机关或法院名称不能超过200字。");
        }
        if (input.CaseNumber is { Length: > 100 })
        {
            errors.Add("CaseNumber", "案号不能超过100字。");
        }
        if (input.Note is { Length: > 2000 })
        {
            errors.Add("Note", "备注不能超过2000字。");
        }
        var subject = string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim();
        if (subject is null && input.RequestId is null)
        {
            errors.Add("Subject", "请填写复议或诉讼事项（不属于某一件申请的，须说明针对的政府信息公开工作）。");
        }
        else if (subject is { Length: > MaxSubjectLength })
        {
            errors.Add("Subject", $"事项不能超过{MaxSubjectLength}字。");
        }
        if (input.Result != AppealResult.Pending && input.ConcludedOn is null)
        {
            errors.Add("ConcludedOn", "请填写审结日期。");
        }
        if (input.ConcludedOn is { } c && input.FiledOn is { } f && c < f)
        {
            errors.Add("ConcludedOn", "审结日期不能早于申请复议或起诉日期。");
        }
        if (input.RequestId is { } requestId && appeal.RequestId != requestId)
        {
            // A case named on a new appeal must be one of the same agency (the scope filter hides other agencies' cases).
            var received = await db.Requests.Where(r => r.Id == requestId && r.AgencyId == appeal.AgencyId)
                .Select(r => new { r.ReceivedOn }).SingleOrDefaultAsync(ct);
            if (received is null)
            {
                errors.Add("RequestId", "找不到该申请：复议或诉讼只能关联本单位的申请。");
            }
            else if (input.FiledOn is { } filed && received.ReceivedOn is { } r && filed < r)
            {
                errors.Add("FiledOn", "复议或起诉日期不能早于收到申请之日。");
            }
        }
        errors.ThrowIfAny();
        appeal.RequestId = input.RequestId;
        appeal.Kind = input.Kind;
        appeal.FiledOn = input.FiledOn!.Value;
        appeal.Body = input.Body!.Trim();
        appeal.CaseNumber = string.IsNullOrWhiteSpace(input.CaseNumber) ? null : input.CaseNumber.Trim();
        appeal.Subject = subject;
        appeal.Result = input.Result;
        appeal.ConcludedOn = input.Result == AppealResult.Pending ? null : input.ConcludedOn;
        appeal.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        appeal.UpdatedAt = clock.UtcNow;
    }
}
