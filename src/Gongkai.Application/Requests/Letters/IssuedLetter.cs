using Gongkai.Domain.Requests.Letters;

namespace Gongkai.Application.Requests.Letters;

/// <summary>
/// One numbered letter of a case (its Word and PDF files are <see cref="RequestLetter"/> rows pointing here). The number is
/// the agency's 机关代字, the year and a per-agency, per-year sequence: <c>示政公开〔2026〕12号</c>; (AgencyId, Year, Seq) is
/// unique, so two clerks generating letters at once never share a number.
/// </summary>
public sealed class IssuedLetter : Agencies.IAgencyOwned
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int AgencyId { get; set; }
    public LetterKind Kind { get; set; }
    public int Year { get; set; }
    public int Seq { get; set; }
    public required string Number { get; set; }
    /// <summary>The date printed on the letter.</summary>
    public DateOnly IssuedOn { get; set; }
    /// <summary>Whom the letter is addressed to (the applicant, or the consulted third party).</summary>
    public required string Addressee { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
}
