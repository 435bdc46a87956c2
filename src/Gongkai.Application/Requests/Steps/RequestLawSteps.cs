using Gongkai.Application.Accounts;
using Gongkai.Application.Audit;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Requests.Steps;

/// <summary>
/// Two decisions about a case's scale: the reasonable later deadline for an applicant's many repeated requests
/// (条例第三十五条), and the number of items (件) an application asks for, which the 按件 fee counts (国办函〔2020〕109号).
/// </summary>
public sealed class RequestLawSteps(AuditLog audit, PlatformClock clock, RequestCaseStore store)
{
    /// <summary>Bound of 件数 on one application: the 按件 scale's own monthly bound (beyond it 第三十五条 applies, not a fee).</summary>
    public const int MaxItemCount = InformationProcessingFee.MaxItemsPerMonth;

    /// <summary>
    /// 条例第三十五条: the applicant's requests clearly exceed a reasonable range, the reasons given are reasonable, and the
    /// case cannot be answered within 第三十三条's period: the agency fixes a later deadline (on or after the current due
    /// date), records why and who decided, and tells the applicant. The case's due date becomes that date.
    /// </summary>
    public async Task<RequestRecord> SetReasonableDeadlineAsync(StaffContext actor, long id, DateOnly? decidedOn, DateOnly? dueOn,
        string? decidedBy, string? reason, CancellationToken ct = default)
    {
        // Another agency's case is not found before anything about the input is said.
        var record = await store.LoadWritableAsync(actor, id, ct);
        if (dueOn is null)
        {
            throw new ValidationException("DueOn", "请填写确定的合理答复期限。");
        }
        InputBounds.RequireDate("DueOn", dueOn, clock.Today);
        var due = NodaTime.LocalDate.FromDateOnly(dueOn.Value);
        return await store.StepAsync(actor, record, "request.reasonable-deadline", decidedOn,
            (c, cal, d) => c.SetReasonableDeadline(d, due, decidedBy ?? "", reason ?? "", cal),
            (n, d) => $"申请人申请政府信息的数量、频次明显超过合理范围，经{n.ReasonableDeadline!.DecidedBy}决定，答复期限确定为 {due:yyyy-MM-dd}（条例第三十五条）；理由：{n.ReasonableDeadline.Reason}。",
            null, ct);
    }

    /// <summary>
    /// 件数: an application asking for several items counts as several 件 in the applicant's natural month
    /// (国办函〔2020〕109号; 一事一申请). Set when registering or while the case is open; bounded.
    /// </summary>
    public async Task<RequestRecord> SetItemCountAsync(StaffContext actor, long id, int itemCount, CancellationToken ct = default)
    {
        var record = await store.LoadWritableAsync(actor, id, ct);
        CheckItemCount(itemCount);
        if (record.State is { } state && state.IsFinal())
        {
            throw new ValidationException("ItemCount", "已办结的申请不能再修改件数。");
        }
        var before = record.ItemCount;
        record.ItemCount = itemCount;
        var on = Storage.RequestCaseMapping.Local(record.LastStepOn) ?? Storage.RequestCaseMapping.Local(record.SubmittedOn)
            ?? NodaTime.LocalDate.FromDateTime(record.SubmittedAt);
        store.AddEvent(actor, record, "request.item-count", on, $"件数由 {before} 件改为 {itemCount} 件（按件计收信息处理费时计入申请人当月累计，国办函〔2020〕109号）。", false);
        audit.Record(actor, "request.item-count", "Request", record.Id, $"{record.TrackingCode} 件数 {before} → {itemCount}", record.AgencyId);
        await store.SaveAsync(ct);
        return record;
    }

    /// <summary>1 to <see cref="MaxItemCount"/>.</summary>
    public static void CheckItemCount(int itemCount)
    {
        if (itemCount is < 1 or > MaxItemCount)
        {
            throw new ValidationException("ItemCount", $"件数应为1至{MaxItemCount}件。");
        }
    }
}
