using Gongkai.Domain.Requests;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Application.Requests.Privacy;

/// <summary>
/// Encrypts applicants' personal data at rest (name, ID number, phone, address, e-mail) with ASP.NET Core Data
/// Protection; the key ring lives in the database, so every web node can decrypt. Lists show masked forms only.
/// The files of a case — the applicant's attachments (scanned letters with ID and phone numbers) and the generated
/// letters (with the applicant's name) — are encrypted as bytes under their own purpose, so a ciphertext of one kind
/// cannot be passed off as the other.
/// </summary>
public sealed class ApplicantDataProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Gongkai.Requests.ApplicantPersonalData.v1");
    private readonly IDataProtector _files = provider.CreateProtector("Gongkai.Requests.ApplicantFiles.v1");

    public byte[] ProtectFile(byte[] content) => _files.Protect(content);

    public byte[] UnprotectFile(byte[] content) => _files.Unprotect(content);

    public string Protect(string value) => _protector.Protect(value);

    public string? ProtectOptional(string? value) => string.IsNullOrWhiteSpace(value) ? null : _protector.Protect(value.Trim());

    public string Unprotect(string value) => _protector.Unprotect(value);

    public string? UnprotectOptional(string? value) => value is null ? null : _protector.Unprotect(value);

    /// <summary>张三 → 张*；欧阳小明 → 欧***; organisation names keep the first two characters.</summary>
    public static string MaskName(string name)
    {
        name = name.Trim();
        if (name.Length <= 1)
        {
            return "*";
        }
        var keep = name.Length > 6 ? 2 : 1;
        return string.Concat(name.AsSpan(0, keep), new string('*', Math.Min(name.Length - keep, 6)));
    }

    /// <summary>110101199003071234 → 110***********1234; shorter documents keep less (<see cref="IdentityDocuments.Mask"/>).</summary>
    public static string MaskId(string id) => IdentityDocuments.Mask(id);
}
