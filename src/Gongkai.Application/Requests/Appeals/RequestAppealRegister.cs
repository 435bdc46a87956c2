using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Gongkai.Application.Requests.Appeals;

/// <summary>
/// 行政复议 and 行政诉讼 against an answer (条例第五十一条), registered with the case and concluded with a result; the annual
/// report counts them by result. Staff-only: appeals are not on the applicant's timeline.
/// </summary>
public sealed class RequestAppealRegister(GongkaiDbContext db, AuditLog audit, PlatformClock clock, RequestCaseStore store, AppealBook appealBook)
{
    public async Task<RequestAppeal> AddAppealAsync(StaffContext actor, long id, AppealKind kind, DateOnly? filedOn, string? body, string? caseNumber, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, id, ct);
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(kind))
        {
            errors.Add("Kind", "请选择行政复议或行政诉讼。");
        }
        InputBounds.CheckDate(errors, "FiledOn", filedOn, clock.Today);
        if (filedOn is null)
        {
            errors.Add("FiledOn", "请填写申请复议或起诉日期。");
        }
        else if (filedOn > clock.TodayDate)
        {
            errors.Add("FiledOn", "日期不能晚于今天。");
        }
        else if (record.ReceivedOn is { } r && filedOn < r)
        {
            errors.Add("FiledOn", "复议或起诉日期不能早于收到申请之日。");
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add("Body", kind == AppealKind.Reconsideration ? "请填写复议机关。" : "请填写受理法院。");
        }
        errors.ThrowIfAny();
        var appeal = new RequestAppeal
        {
            RequestId = record.Id,
            AgencyId = record.AgencyId,
            Kind = kind,
            FiledOn = filedOn!.Value,
            Body = body!.Trim(),
            CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim(),
            Result = AppealResult.Pending,
            UpdatedAt = clock.UtcNow,
        };
        db.RequestAppeals.Add(appeal);
        store.AddEvent(actor, record, "request.appeal", LocalDate.FromDateOnly(filedOn.Value), $"{kind.Label()}：{appeal.Body}{(appeal.CaseNumber is null ? "" : "，案号 " + appeal.CaseNumber)}。", false);
        audit.Record(actor, "request.appeal.add", "Request", record.Id, $"{record.TrackingCode} {kind.Label()} {appeal.Body}", record.AgencyId);
        await store.SaveAsync(ct);
        return appeal;
    }

    public async Task<RequestAppeal> ConcludeAppealAsync(StaffContext actor, long appealId, AppealResult result, DateOnly? concludedOn, string? note, CancellationToken ct = default)
    {
        var appeal = await db.RequestAppeals.SingleOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new NotFoundException("找不到该复议或诉讼记录。");
        if (appeal.RequestId is not { } requestId)
        {
            // Not about one case: concluded like any other edit of the appeal book.
            return await appealBook.UpdateAsync(actor, appealId, AppealInput.From(appeal) with { Result = result, ConcludedOn = concludedOn, Note = note }, ct);
        }
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        if (!Enum.IsDefined(result))
        {
            throw new ValidationException("Result", "请选择审理结果。");
        }
        if (result != AppealResult.Pending && concludedOn is null)
        {
            throw new ValidationException("ConcludedOn", "请填写审结日期。");
        }
        if (concludedOn is { } c && (c < appeal.FiledOn || c > clock.TodayDate))
        {
            throw new ValidationException("ConcludedOn", "审结日期应在立案日期与今天之间。");
        }
        appeal.Result = result;
        appeal.ConcludedOn = result == AppealResult.Pending ? null : concludedOn;
        appeal.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        appeal.UpdatedAt = clock.UtcNow;
        store.AddEvent(actor, record, "request.appeal.result", concludedOn is { } d ? LocalDate.FromDateOnly(d) : clock.Today, $"{appeal.Kind.Label()}（{appeal.Body}）：{result.Label()}。", false);
        audit.Record(actor, "request.appeal.result", "Request", record.Id, $"{record.TrackingCode} {appeal.Kind.Label()} → {result.Label()}", record.AgencyId);
        await store.SaveAsync(ct);
        return appeal;
    }
}
