using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Requests.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Privacy;

/// <summary>
/// The only way out for a case's files, which are stored encrypted (<see cref="ApplicantDataProtector.ProtectFile"/>):
/// each download is checked, recorded in the audit log and only then decrypted. The applicant's attachments carry ID
/// and phone numbers and the letters the applicant's name, so staff need what reading the applicant in clear needs
/// (the case readable in their agency scope, <see cref="Permission.RequestsViewPersonalData"/>, a grant outside their
/// own agency: <see cref="PersonalDataGrants"/>); the applicant needs the tracking code and secret.
/// A file that is not there answers null (404), like a case outside the actor's scope, and writes nothing.
/// </summary>
public sealed class RequestFiles(GongkaiDbContext db, AuditLog audit, RequestCaseStore store, ApplicantDataProtector protector, PersonalDataGrants grants)
{
    /// <summary>An attachment the applicant sent, for staff; audited as request.attachment.view.</summary>
    public async Task<StoredFile?> AttachmentForStaffAsync(StaffContext actor, long requestId, Guid attachmentId, CancellationToken ct = default)
    {
        var record = await ReadableForStaffAsync(actor, requestId, ct);
        var row = await db.RequestAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.RequestId == record.Id)
            .Select(a => new Sealed(a.FileName, a.ContentType, a.Data, a.Encrypted)).SingleOrDefaultAsync(ct);
        return await ReleaseAsync(actor, record, row, "request.attachment.view", "查看申请人附件", ct);
    }

    /// <summary>A generated letter of the case, for staff; audited as request.letter.view.</summary>
    public async Task<StoredFile?> LetterForStaffAsync(StaffContext actor, long requestId, Guid letterId, CancellationToken ct = default)
    {
        var record = await ReadableForStaffAsync(actor, requestId, ct);
        return await ReleaseAsync(actor, record, await LetterAsync(record.Id, letterId, ct), "request.letter.view", "查看告知书", ct);
    }

    /// <summary>
    /// A letter the tracking page lists for the applicant (<paramref name="view"/> was opened with code and secret), or
    /// null: a draft answer letter of a case not yet answered stays with the office, so a guessed letter id gives nothing.
    /// Audited as the applicant.
    /// </summary>
    public async Task<StoredFile?> LetterForApplicantAsync(TrackingView view, Guid letterId, string? ipAddress, CancellationToken ct = default)
    {
        if (view.Letters.All(l => l.Id != letterId))
        {
            return null;
        }
        var applicant = new StaffContext("applicant", "申请人", view.Record.AgencyId, new HashSet<string>(), ipAddress);
        return await ReleaseAsync(applicant, view.Record, await LetterAsync(view.Record.Id, letterId, ct), "request.letter.view", "申请人凭查询码和查询密码下载告知书", ct);
    }

    private async Task<RequestRecord> ReadableForStaffAsync(StaffContext actor, long requestId, CancellationToken ct)
    {
        var record = await store.LoadReadableAsync(actor, requestId, ct);
        await grants.EnsureMayDecryptAsync(actor, record.AgencyId, ct);
        return record;
    }

    private Task<Sealed?> LetterAsync(long requestId, Guid letterId, CancellationToken ct) =>
        db.RequestLetters.AsNoTracking().Where(l => l.Id == letterId && l.RequestId == requestId)
            .Select(l => new Sealed(l.FileName, l.ContentType, l.Data, l.Encrypted)).SingleOrDefaultAsync(ct);

    private async Task<StoredFile?> ReleaseAsync(StaffContext actor, RequestRecord record, Sealed? row, string action, string what, CancellationToken ct)
    {
        if (row is null)
        {
            return null;
        }
        // Recorded before anything is decrypted: a download that fails halfway is still on the record.
        audit.Record(actor, action, "Request", record.Id, $"{record.TrackingCode} {what}：{row.FileName}", record.AgencyId);
        await db.SaveChangesAsync(ct);
        return new StoredFile(row.FileName, row.ContentType, row.Encrypted ? protector.UnprotectFile(row.Data) : row.Data);
    }

    private sealed record Sealed(string FileName, string ContentType, byte[] Data, bool Encrypted);
}
