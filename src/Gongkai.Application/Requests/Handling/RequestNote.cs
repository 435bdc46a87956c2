namespace Gongkai.Application.Requests.Handling;

/// <summary>
/// An internal note on a case: for staff only, never on the tracking page or in the public API. Kept with the case
/// (条例第四十五条 keeps the file of the handling); append-only, like the timeline.
/// </summary>
public sealed class RequestNote : Agencies.IAgencyOwned
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public int AgencyId { get; set; }
    public required string Text { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime At { get; set; }
}
