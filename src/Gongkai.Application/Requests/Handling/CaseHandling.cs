using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Handling;

/// <summary>A staff account that may be made 承办人 of a case.</summary>
public sealed record CaseHandlerOption(string UserId, string DisplayName);

/// <summary>An internal note as the case page shows it.</summary>
public sealed record CaseNote(long Id, string Text, string AuthorName, DateTime At);

/// <summary>
/// Who handles a case (承办人) and the staff's internal notes on it. A case is assigned to, and handed over between,
/// accounts of its own agency that may handle requests; every assignment and note is audited, assignments also go in
/// the case's timeline (staff only: the applicant's tracking page shows no staff names).
/// </summary>
public sealed class CaseHandling(GongkaiDbContext db, RequestCaseStore store, AuditLog audit, PlatformClock clock)
{
    public const int MaxNoteLength = 2000;

    /// <summary>Accounts of the case's agency whose role handles requests (<see cref="Permission.RequestsHandle"/>), not locked.</summary>
    public async Task<List<CaseHandlerOption>> CandidatesAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        var record = await store.LoadReadableAsync(actor, requestId, ct);
        return await CandidatesOfAsync(record.AgencyId, ct);
    }

    private async Task<List<CaseHandlerOption>> CandidatesOfAsync(int agencyId, CancellationToken ct)
    {
        var handlingRoles = PermissionTable.Of(Permission.RequestsHandle).Roles.ToList();
        var roleIds = db.Roles.Where(r => handlingRoles.Contains(r.Name!)).Select(r => r.Id);
        var holders = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var users = await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && holders.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.LockoutEnd }).Take(500).ToListAsync(ct);
        var now = new DateTimeOffset(clock.UtcNow, TimeSpan.Zero);
        return [.. users.Where(u => !(u.LockoutEnd > now))
            .Select(u => new CaseHandlerOption(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Makes <paramref name="userId"/> the 承办人, or hands the case over to them from the current one. Only someone who
    /// may handle the case does it, and only to an account of the case's agency that may handle requests.
    /// </summary>
    public async Task AssignAsync(StaffContext actor, long requestId, string? userId, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new ValidationException("HandlerId", "请选择承办人。");
        }
        var handler = (await CandidatesOfAsync(record.AgencyId, ct)).SingleOrDefault(c => c.UserId == userId)
            ?? throw new ValidationException("HandlerId", "承办人须为本单位可办理依申请公开的工作人员。");
        if (record.HandlerId == handler.UserId)
        {
            throw new ValidationException("HandlerId", $"该申请已由{handler.DisplayName}承办。");
        }
        var (action, summary) = record.HandlerId is null
            ? ("request.assign", $"指定承办人：{handler.DisplayName}。")
            : ("request.handover", $"承办人由{record.HandlerName}移交给{handler.DisplayName}。");
        record.HandlerId = handler.UserId;
        record.HandlerName = handler.DisplayName;
        record.UpdatedAt = clock.UtcNow;
        record.Version++;
        store.AddEvent(actor, record, action, clock.Today, summary, isPublic: false);
        audit.Record(actor, action, "Request", record.Id, $"{record.TrackingCode}：{summary}", record.AgencyId);
        await store.SaveAsync(ct);
    }

    /// <summary>An internal note by someone who may handle the case. The audit entry records that a note was added, not its text.</summary>
    public async Task AddNoteAsync(StaffContext actor, long requestId, string? text, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, requestId, ct);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new ValidationException("Note", "请填写备注内容。");
        }
        if (trimmed.Length > MaxNoteLength)
        {
            throw new ValidationException("Note", $"备注不能超过 {MaxNoteLength} 字。");
        }
        var note = new RequestNote
        {
            RequestId = record.Id,
            AgencyId = record.AgencyId,
            Text = trimmed,
            AuthorId = actor.UserId,
            AuthorName = actor.UserName,
            At = clock.UtcNow,
        };
        db.Set<RequestNote>().Add(note);
        audit.Record(actor, "request.note", "Request", record.Id, $"{record.TrackingCode}：添加内部备注（{trimmed.Length} 字）", record.AgencyId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The notes of a case the actor may read, oldest first.</summary>
    public async Task<List<CaseNote>> NotesAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        await store.LoadReadableAsync(actor, requestId, ct);
        return await db.Set<RequestNote>().AsNoTracking().Where(n => n.RequestId == requestId).OrderBy(n => n.Id)
            .Select(n => new CaseNote(n.Id, n.Text, n.AuthorName, n.At)).ToListAsync(ct);
    }
}
