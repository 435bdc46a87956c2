using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Application.Requests.Delivery;

/// <summary>
/// Encrypts disclosed documents at rest: what an applicant asked for may be about the applicant (条例第三十六条 — one's
/// own information) or name third parties in the part withheld elsewhere. Its own purpose, so a disclosed document's
/// ciphertext cannot be passed off as an applicant's attachment or letter, nor the other way round.
/// </summary>
public sealed class DisclosedDocumentProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _files = provider.CreateProtector("Gongkai.Requests.DisclosedDocuments.v1");

    public byte[] Protect(byte[] content) => _files.Protect(content);

    public byte[] Unprotect(byte[] content) => _files.Unprotect(content);
}
