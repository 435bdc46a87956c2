using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Requests.Privacy;

/// <summary>Decrypted applicant data; every read is audited as request.pii.view.</summary>
/// <param name="ContactPerson">An organisation's 法定代表人 or 联系人; <paramref name="IdDocument"/> the 证件类型 of <paramref name="IdNumber"/>.</param>
public sealed record ApplicantPersonalData(string Name, string IdNumber, string? Phone, string? Address, string? Email,
    string? ContactPerson = null, string IdDocument = "");

/// <summary>
/// Applicants' personal data in clear, for staff who may read the case: the view is audited before anything is decrypted.
/// Everywhere else applicants appear masked (<see cref="ApplicantDataProtector.MaskName"/>, <see cref="ApplicantDataProtector.MaskId"/>).
/// </summary>
public sealed class ApplicantPrivacy(GongkaiDbContext db, AuditLog audit, RequestCaseStore store, ApplicantDataProtector protector, PersonalDataGrants grants)
{
    /// <summary>
    /// Decrypts the applicant's personal data for an authorised reader, recording the view first (条例第四十五条; privacy).
    /// Reading a case is not reading its applicant: outside one's own agency it takes a grant (<see cref="PersonalDataGrants"/>).
    /// </summary>
    public async Task<ApplicantPersonalData> ViewPersonalDataAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        var record = await store.LoadReadableAsync(actor, id, ct);
        await grants.EnsureMayDecryptAsync(actor, record.AgencyId, ct);
        audit.Record(actor, "request.pii.view", "Request", record.Id, $"{record.TrackingCode} 查看申请人身份及联系方式", record.AgencyId);
        await db.SaveChangesAsync(ct);
        return Decrypt(record);
    }

    private ApplicantPersonalData Decrypt(RequestRecord record) => new(
        protector.Unprotect(record.NameProtected),
        protector.Unprotect(record.IdNumberProtected),
        protector.UnprotectOptional(record.PhoneProtected),
        protector.UnprotectOptional(record.AddressProtected),
        protector.UnprotectOptional(record.EmailProtected),
        protector.UnprotectOptional(record.ContactPersonProtected),
        record.IdDocumentType.Label());
}
