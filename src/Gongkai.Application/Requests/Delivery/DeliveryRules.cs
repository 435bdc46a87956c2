using Gongkai.Domain.Requests;

namespace Gongkai.Application.Requests.Delivery;

/// <summary>
/// When disclosed information may be attached to a case and served. Only a decision to disclose in whole or in part
/// (条例第三十六条第（一）项、第（二）项, 第三十七条) gives the applicant something to receive; the documents are attached
/// once that decision is taken and before the case is finished, and are served with or after the answer.
/// </summary>
public static class DeliveryRules
{
    public const string Field = "Document";

    /// <summary>Attaching or removing a document: the case is decided as (partly) disclosed and not yet answered or closed.</summary>
    public static void EnsureMayAttach(RequestRecord r)
    {
        if (r.State is RequestState.Answered or RequestState.ClosedAbandoned || r.FinishedOn is not null)
        {
            throw new ValidationException(Field, $"该申请已办结（{r.State?.Label() ?? "已办结"}），不能再添加或删除公开的政府信息。");
        }
        if (r.State != RequestState.Decided || r.OutcomeKey is null)
        {
            throw new ValidationException(Field, "请先作出予以公开或部分公开的答复决定，再添加公开的政府信息。");
        }
        EnsureDiscloses(r);
    }

    /// <summary>Serving the documents (e-mail, post, in person…): decided or answered, with something disclosed.</summary>
    public static void EnsureMayDeliver(RequestRecord r)
    {
        if (r.State is not (RequestState.Decided or RequestState.Answered) || r.OutcomeKey is null)
        {
            throw new ValidationException(Field, "该申请尚未作出予以公开或部分公开的决定，或已终止办理，没有可送达的政府信息。");
        }
        EnsureDiscloses(r);
    }

    /// <summary>The applicant downloads on the tracking page only once the answer has been served (已答复).</summary>
    public static bool ApplicantMayDownload(RequestRecord r) =>
        r.State == RequestState.Answered && r.OutcomeKey is { } key && Discloses(key);

    public static bool Discloses(string outcomeKey) =>
        RequestOutcomes.ByKey(outcomeKey).Group is OutcomeGroup.Disclosed or OutcomeGroup.PartlyDisclosed;

    private static void EnsureDiscloses(RequestRecord r)
    {
        if (!Discloses(r.OutcomeKey!))
        {
            throw new ValidationException(Field,
                $"该申请的办理结果为“{RequestOutcomes.ByKey(r.OutcomeKey!).Group.Label()}”，不向申请人提供政府信息，不能添加或送达公开的政府信息。");
        }
    }
}
