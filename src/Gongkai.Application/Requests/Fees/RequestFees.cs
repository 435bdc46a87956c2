using Gongkai.Application.Accounts;
using Gongkai.Application.Data;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Gongkai.Application.Requests.Fees;

/// <summary>
/// The 信息处理费 (条例第四十二条; 国办函〔2020〕109号): assessing it against the applicant's month, the 收费通知 that pauses
/// the clock, payment, and closing a case whose fee was not paid in time.
/// </summary>
public sealed class RequestFees(GongkaiDbContext db, RequestCaseStore store, ApplicantDataProtector protector)
{
    /// <summary>
    /// 国办函〔2020〕109号: the applicant's running total per natural month. 按件: every earlier request by the same
    /// applicant to this agency received in the same month counts its 件数 (<see cref="RequestRecord.ItemCount"/>), or the 件
    /// it was charged if it was charged by item;
    /// 按量: the pages of earlier page-charged requests that month.
    /// </summary>
    public async Task<FeeAssessment> AssessFeeAsync(StaffContext actor, long id, FeeMethod method, int quantity, CancellationToken ct = default)
    {
        InputBounds.RequireDefined("Method", method, "请选择按件或按量收费。");
        var record = await store.LoadReadableAsync(actor, id, ct);
        if (record.ReceivedOn is not { } received)
        {
            throw new ValidationException("Fee", "该申请尚未确认收到。");
        }
        var history = await PriorRequestsAsync(record, ct);
        try
        {
            return InformationProcessingFee.Assess(method, quantity, LocalDate.FromDateOnly(received), history);
        }
        catch (FeeException ex)
        {
            throw new ValidationException("Fee", ex.Message);
        }
    }

    public async Task<RequestRecord> IssueFeeNoticeAsync(StaffContext actor, long id, DateOnly? receivedOn, FeeMethod method, int quantity, CancellationToken ct = default)
    {
        var assessment = await AssessFeeAsync(actor, id, method, quantity, ct);
        return await store.StepAsync(actor, id, "request.fee-notice", receivedOn, (c, cal, d) => c.IssueFeeNotice(d, assessment, cal),
            (n, d) => $"收费通知送达申请人：{assessment.Method.Label()}{assessment.Quantity}{(assessment.Method == FeeMethod.PerItem ? "件" : "页")}，信息处理费 {assessment.AmountYuan:0.00} 元，缴费期限至 {n.Fee!.PaymentDueOn:yyyy-MM-dd}（国办函〔2020〕109号）。",
            null, ct);
    }

    public Task<RequestRecord> RecordPaymentAsync(StaffContext actor, long id, DateOnly? on, CancellationToken ct = default) =>
        store.StepAsync(actor, id, "request.fee-paid", on, (c, _, d) => c.RecordPayment(d),
            (n, d) => $"申请人已缴纳信息处理费，继续办理；答复期限 {{due}}。", null, ct);

    public Task<RequestRecord> CloseForNonPaymentAsync(StaffContext actor, long id, CancellationToken ct = default) =>
        store.StepAsync(actor, id, "request.close-unpaid", null, (c, _, d) => c.CloseForNonPayment(d),
            (n, d) => "申请人逾期未按收费通知要求缴纳费用，不再处理（国办函〔2020〕109号）。", null, ct);

    private async Task<List<PriorRequest>> PriorRequestsAsync(RequestRecord record, CancellationToken ct)
    {
        var received = record.ReceivedOn!.Value;
        var monthStart = new DateOnly(received.Year, received.Month, 1);
        var candidates = await db.Requests.AsNoTracking()
            // The mask narrows the candidates in SQL (the same ID always has the same mask); only those are decrypted.
            .Where(r => r.AgencyId == record.AgencyId && r.Id != record.Id && r.ReceivedOn >= monthStart && r.ReceivedOn <= received
                && r.IdNumberMasked == record.IdNumberMasked)
            .Select(r => new { r.Id, r.ReceivedOn, r.IdNumberProtected, r.FeeMethod, r.FeeQuantity, r.ItemCount })
            .ToListAsync(ct);
        var mine = protector.Unprotect(record.IdNumberProtected);
        var history = new List<PriorRequest>();
        foreach (var c in candidates)
        {
            // Same applicant: identified by the decrypted ID number (never stored or compared in clear text in SQL).
            if ((c.ReceivedOn == received && c.Id > record.Id) || protector.Unprotect(c.IdNumberProtected) != mine)
            {
                continue;
            }
            // Every request counts towards the month's 件 with its items (an earlier application asking for several items
            // counts as several 件, 一事一申请), or the 件 it was charged when charged 按件; pages never carry over (第五条).
            var on = LocalDate.FromDateOnly(c.ReceivedOn!.Value);
            history.Add(new PriorRequest(on, FeeMethod.PerItem, c.FeeMethod == FeeMethod.PerItem ? c.FeeQuantity ?? c.ItemCount : c.ItemCount));
        }
        return history;
    }
}
