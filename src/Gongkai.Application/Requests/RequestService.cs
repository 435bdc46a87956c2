using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Calendar;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Gongkai.Application.Requests;

/// <summary>A new case and the one-time secret the applicant needs to follow it (only its hash is stored).</summary>
/// <remarks><see cref="Resubmitted"/>: the same form was posted before; no case was created and the secret was renewed.</remarks>
public sealed record NewRequest(RequestRecord Record, string Secret, bool Resubmitted = false);

/// <summary>Decrypted applicant data; every read is audited as request.pii.view.</summary>
public sealed record ApplicantPersonalData(string Name, string IdNumber, string? Phone, string? Address, string? Email);

/// <summary>
/// Intake and every step of an application (依申请公开). The domain <see cref="RequestCase"/> decides whether a step is
/// legal; this service rebuilds it from the rows, applies the step, writes the result, a timeline event and an audit
/// entry in one SaveChanges — a refused step saves nothing.
/// </summary>
public sealed class RequestService(
    GongkaiDbContext db,
    AgencyAccess access,
    AuditLog audit,
    PlatformClock clock,
    WorkingDayCalendarProvider calendars,
    ApplicantDataProtector protector,
    UploadLimits limits,
    PersonalDataGrants grants)
{
    /// <summary>Characters of tracking codes and secrets: no 0/O, 1/I, which people misread when copying them.</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>
    /// 条例第三十一条第（三）项: an online application is received on the day both sides confirm. The applicant confirms by
    /// submitting; the office confirms with <see cref="ConfirmReceiptAsync"/>, and that day is the day of receipt. Until
    /// then the case has no receipt date and no clock.
    /// </summary>
    public async Task<NewRequest> SubmitOnlineAsync(string agencyCode, ApplicationInput input, string? ipAddress,
        (string FileName, byte[] Content)? attachment = null, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, ct)
            ?? throw new NotFoundException("找不到该单位。");
        var actor = new StaffContext("public", "申请人（在线提交）", agency.Id, new HashSet<string>(), ipAddress);
        return await CreateAsync(actor, agency.Id, SubmissionChannel.Online, input, new ReceiptFacts(), attachment, ct);
    }

    /// <summary>Staff register an application received in person, by post, fax or e-mail, with the facts 条例第三十一条 reads.</summary>
    public Task<NewRequest> RegisterAsync(StaffContext actor, int agencyId, SubmissionChannel channel, ApplicationInput input,
        DateOnly? submittedOn, DateOnly? signedForOn, DateOnly? confirmedOn, CancellationToken ct = default) =>
        RegisterAsync(actor, agencyId, channel, input, submittedOn, signedForOn, confirmedOn, null, ct);

    /// <remarks><paramref name="attachment"/>: e.g. the scanned letter or fax, checked by content like the public form's.</remarks>
    public async Task<NewRequest> RegisterAsync(StaffContext actor, int agencyId, SubmissionChannel channel, ApplicationInput input,
        DateOnly? submittedOn, DateOnly? signedForOn, DateOnly? confirmedOn, (string FileName, byte[] Content)? attachment, CancellationToken ct = default)
    {
        await access.EnsureWritableAsync(actor, agencyId, ct);
        RequireHandler(actor);
        if (!Enum.IsDefined(channel) || channel == SubmissionChannel.Online)
        {
            throw new ValidationException("Channel", "请选择当面、挂号信、平信、电子邮箱或传真；在线申请由申请人在门户提交。");
        }
        var facts = new ReceiptFacts(Local(submittedOn), Local(signedForOn), Local(confirmedOn));
        return await CreateAsync(actor, agencyId, channel, input, facts, attachment, ct);
    }

    private async Task<NewRequest> CreateAsync(StaffContext actor, int agencyId, SubmissionChannel channel, ApplicationInput input,
        ReceiptFacts facts, (string FileName, byte[] Content)? attachment, CancellationToken ct)
    {
        if (input.SubmissionKey is { } key && await ResubmissionAsync(actor, agencyId, key, input, ct) is { } again)
        {
            return again;
        }
        try
        {
            return await InsertAsync(actor, agencyId, channel, input, facts, attachment, ct);
        }
        catch (DbUpdateException) when (input.SubmissionKey is { } raced)
        {
            // Two posts of one form at the same moment: the unique (AgencyId, SubmissionKey) index let one insert win and
            // rolled this one back whole; answer with the winner's case.
            db.ChangeTracker.Clear();
            return await ResubmissionAsync(actor, agencyId, raced, input, ct) ?? throw new InvalidOperationException("提交失败，请重试。");
        }
    }

    /// <summary>
    /// The same form posted again finds the case it created. The applicant who posts it holds the form, so the case's
    /// tracking secret is renewed and shown again: the first receipt may never have reached the screen. A form whose
    /// description was edited before posting again is a new application and gets no key match.
    /// </summary>
    private async Task<NewRequest?> ResubmissionAsync(StaffContext actor, int agencyId, Guid key, ApplicationInput input, CancellationToken ct)
    {
        var record = await db.Requests.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.SubmissionKey == key, ct);
        if (record is null)
        {
            return null;
        }
        if (!string.Equals(record.Description, input.Description?.Trim(), StringComparison.Ordinal))
        {
            input.SubmissionKey = null;
            return null;
        }
        var secret = NewSecret();
        record.SecretHash = HashSecret(secret);
        record.UpdatedAt = clock.UtcNow;
        AddEvent(actor, record, "request.resubmit", clock.Today, "同一申请表重复提交：未重复登记，已重新生成查询密码（此前的查询密码作废）。", isPublic: false);
        audit.Record(actor, "request.resubmit", "Request", record.Id, $"{record.TrackingCode} 重复提交同一申请表", agencyId);
        await db.SaveChangesAsync(ct);
        return new NewRequest(record, secret, Resubmitted: true);
    }

    private async Task<NewRequest> InsertAsync(StaffContext actor, int agencyId, SubmissionChannel channel, ApplicationInput input,
        ReceiptFacts facts, (string FileName, byte[] Content)? attachment, CancellationToken ct)
    {
        var today = clock.Today;
        var errors = Validate(input, today);
        AttachmentType? type = null;
        string? fileName = null;
        if (attachment is { } a)
        {
            fileName = AttachmentInspector.CleanFileName(a.FileName);
            try
            {
                type = AttachmentInspector.Inspect(fileName, a.Content, limits.MaxAttachmentBytes);
            }
            catch (ValidationException ex)
            {
                errors.Add("Attachment", ex.Message);
            }
        }
        foreach (var (field, date) in new[] { ("SubmittedOn", facts.SubmittedOn), ("SignedForOn", facts.SignedForOn), ("ConfirmedOn", facts.ConfirmedOn) })
        {
            if (date is { } d && d > today)
            {
                errors.Add(field, "日期不能晚于今天。");
            }
        }
        // 平信、邮箱、传真 wait for the office's confirmation when it is not recorded yet (条例第三十一条第（二）（三）项).
        var awaitsConfirmation = facts.ConfirmedOn is null && channel is SubmissionChannel.Online or SubmissionChannel.OrdinaryLetter
            or SubmissionChannel.Email or SubmissionChannel.Fax;
        RequestCase? domain = null;
        if (!awaitsConfirmation)
        {
            try
            {
                domain = RequestCase.Receive(channel, facts, input.ApplicantType);
            }
            catch (RequestWorkflowException ex)
            {
                errors.Add("ReceivedOn", ex.Message);
            }
        }
        errors.ThrowIfAny();

        var secret = NewSecret();
        var now = clock.UtcNow;
        var record = new RequestRecord
        {
            AgencyId = agencyId,
            TrackingCode = NewTrackingCode(today),
            SecretHash = HashSecret(secret),
            ApplicantType = input.ApplicantType,
            Channel = channel,
            SubmissionKey = input.SubmissionKey,
            NameProtected = protector.Protect(input.Name!.Trim()),
            IdNumberProtected = protector.Protect(NormalizeId(input.IdNumber!)),
            PhoneProtected = protector.ProtectOptional(input.Phone),
            AddressProtected = protector.ProtectOptional(input.Address),
            EmailProtected = protector.ProtectOptional(input.Email),
            NameMasked = ApplicantDataProtector.MaskName(input.Name),
            IdNumberMasked = ApplicantDataProtector.MaskId(NormalizeId(input.IdNumber!)),
            Description = input.Description!.Trim(),
            DocumentNumber = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim(),
            WantedForm = input.WantedForm!,
            Delivery = input.Delivery!,
            SubmittedAt = now,
            SubmittedOn = channel == SubmissionChannel.Online ? today.ToDateOnly() : facts.SubmittedOn?.ToDateOnly(),
            SignedForOn = facts.SignedForOn?.ToDateOnly(),
            ConfirmedOn = facts.ConfirmedOn?.ToDateOnly(),
            UpdatedAt = now,
            Version = 1,
        };
        if (domain is not null)
        {
            await ApplyAsync(record, domain, ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Requests.Add(record);
        await db.SaveChangesAsync(ct);
        if (attachment is { } att && type is not null)
        {
            db.RequestAttachments.Add(new RequestAttachment
            {
                Id = Guid.NewGuid(),
                RequestId = record.Id,
                FileName = fileName!,
                ContentType = type.ContentType,
                Size = att.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(att.Content)),
                Data = att.Content,
            });
        }
        var summary = domain is null
            ? $"{channel.Label()}提交申请，待政府信息公开工作机构确认收到（条例第三十一条）。"
            : $"登记申请（{channel.Label()}），收到申请之日 {domain.ReceivedOn:yyyy-MM-dd}；答复期限 {record.DueOn:yyyy-MM-dd}。";
        AddEvent(actor, record, "request.create", domain?.ReceivedOn ?? today, summary);
        audit.Record(actor, "request.create", "Request", record.Id, $"{record.TrackingCode} {channel.Label()} {input.ApplicantType.Label()}", agencyId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new NewRequest(record, secret);
    }

    private static ValidationErrors Validate(ApplicationInput input, LocalDate today)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(input.ApplicantType))
        {
            errors.Add(nameof(input.ApplicantType), "请选择申请人类型。");
        }
        var natural = input.ApplicantType == ApplicantType.NaturalPerson;
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(nameof(input.Name), natural ? "请填写姓名。" : "请填写法人或其他组织名称。");
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(nameof(input.Name), "名称不能超过200字。");
        }
        var id = input.IdNumber is null ? null : NormalizeId(input.IdNumber);
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(nameof(input.IdNumber), natural ? "请填写居民身份证号码（条例第二十九条：身份证明）。" : "请填写统一社会信用代码（条例第二十九条：身份证明）。");
        }
        else if (natural && !IdentityNumbers.IsValidResidentId(id, today))
        {
            errors.Add(nameof(input.IdNumber), "居民身份证号码无效：请核对18位号码（含出生日期和末位校验码）。");
        }
        else if (!natural && !IdentityNumbers.IsValidCreditCode(id))
        {
            errors.Add(nameof(input.IdNumber), "统一社会信用代码无效：请核对18位代码（含末位校验码）。");
        }
        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add(nameof(input.Phone), "请至少填写一种联系方式（电话、电子邮箱或通信地址）。");
        }
        if (input.Phone is { Length: > 40 })
        {
            errors.Add(nameof(input.Phone), "联系电话过长。");
        }
        if (!string.IsNullOrWhiteSpace(input.Email) && (!input.Email.Contains('@', StringComparison.Ordinal) || input.Email.Length > 200))
        {
            errors.Add(nameof(input.Email), "电子邮箱格式不正确。");
        }
        if (input.Address is { Length: > 500 })
        {
            errors.Add(nameof(input.Address), "通信地址不能超过500字。");
        }
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(nameof(input.Description), "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）。");
        }
        else if (input.Description.Length > 4000)
        {
            errors.Add(nameof(input.Description), "申请内容不能超过4000字。");
        }
        if (input.DocumentNumber is { Length: > 200 })
        {
            errors.Add(nameof(input.DocumentNumber), "文号过长。");
        }
        if (input.WantedForm is null || !ApplicationChoices.Forms.Contains(input.WantedForm))
        {
            errors.Add(nameof(input.WantedForm), "请选择所需信息的提供形式。");
        }
        if (input.Delivery is null || !ApplicationChoices.Deliveries.Contains(input.Delivery))
        {
            errors.Add(nameof(input.Delivery), "请选择获取信息的方式。");
        }
        else if (input.Delivery == "邮寄" && string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add(nameof(input.Address), "选择邮寄的，请填写通信地址。");
        }
        else if (input.Delivery == "电子邮件" && string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add(nameof(input.Email), "选择电子邮件的，请填写电子邮箱。");
        }
        return errors;
    }

    /// <summary>条例第三十一条: the office confirms an online/e-mail/fax application or an ordinary letter; that day is the day of receipt.</summary>
    public async Task<RequestRecord> ConfirmReceiptAsync(StaffContext actor, long id, DateOnly? confirmedOn, CancellationToken ct = default)
    {
        var record = await LoadWritableAsync(actor, id, ct);
        if (record.State is not null)
        {
            throw new ValidationException("ConfirmedOn", "该申请已确认收到。");
        }
        var today = clock.Today;
        var on = Local(confirmedOn) ?? today;
        if (on > today)
        {
            throw new ValidationException("ConfirmedOn", "确认日期不能晚于今天。");
        }
        if (record.SubmittedOn is { } submitted && on < LocalDate.FromDateOnly(submitted))
        {
            throw new ValidationException("ConfirmedOn", $"确认日期不能早于提交日期（{submitted:yyyy-MM-dd}）。");
        }
        RequestCase domain;
        try
        {
            domain = RequestCase.Receive(record.Channel, Facts(record) with { ConfirmedOn = on }, record.ApplicantType);
        }
        catch (RequestWorkflowException ex)
        {
            throw new ValidationException("ConfirmedOn", ex.Message);
        }
        record.ConfirmedOn = on.ToDateOnly();
        await ApplyAsync(record, domain, ct);
        AddEvent(actor, record, "request.confirm", on, $"确认收到申请，收到申请之日 {on:yyyy-MM-dd}（{record.Channel.ReceiptRule()}）；答复期限 {record.DueOn:yyyy-MM-dd}。");
        audit.Record(actor, "request.confirm", "Request", record.Id, $"{record.TrackingCode} 收到申请之日 {on:yyyy-MM-dd}", record.AgencyId);
        await SaveAsync(ct);
        return record;
    }

    public Task<RequestRecord> RequestCorrectionAsync(StaffContext actor, long id, DateOnly? noticeOn, DateOnly? dueOn, string? content, CancellationToken ct = default)
    {
        if (dueOn is null)
        {
            throw new ValidationException("DueOn", "请填写补正期限。");
        }
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ValidationException("Content", "请写明需要补正的事项（条例第三十条：一次性告知）。");
        }
        return StepAsync(actor, id, "request.correction", noticeOn, (c, cal, on) => c.RequestCorrection(on, LocalDate.FromDateOnly(dueOn.Value), cal),
            (n, on) => $"发出补正通知，补正期限至 {dueOn:yyyy-MM-dd}（条例第三十条）。",
            r => r.Corrections[^1].Content = content.Trim(), ct);
    }

    public Task<RequestRecord> ReceiveCorrectionAsync(StaffContext actor, long id, DateOnly? on, bool lateWithGoodReason, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.corrected", on, (c, _, d) => c.ReceiveCorrection(d, lateWithGoodReason),
            (n, d) => $"收到补正后的申请，答复期限自 {d:yyyy-MM-dd} 起重新计算，至 {{due}}（条例第三十条）。", null, ct);

    public Task<RequestRecord> CloseForNoCorrectionAsync(StaffContext actor, long id, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.close-no-correction", null, (c, _, d) => c.CloseForNoCorrection(d),
            (n, d) => "申请人无正当理由逾期不补正，视为放弃申请，不再处理（条例第三十条）。", null, ct);

    public Task<RequestRecord> StartConsultationAsync(StaffContext actor, long id, PauseKind kind, DateOnly? on, string? counterparty, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.consult", on, (c, cal, d) => c.StartConsultation(kind, d, cal),
            (n, d) => kind == PauseKind.ThirdPartyConsultation
                ? "书面征求第三方意见，征求意见时间不计入答复期限（条例第三十二条、第三十三条第三款）。"
                : "征求其他机关意见，征求意见时间不计入答复期限（条例第三十四条、第三十三条第三款）。",
            r => r.Pauses[^1].Counterparty = string.IsNullOrWhiteSpace(counterparty) ? null : counterparty.Trim(), ct);

    public Task<RequestRecord> EndConsultationAsync(StaffContext actor, long id, DateOnly? on, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.consult-end", on, (c, _, d) => c.EndConsultation(d),
            (n, d) => $"征求意见结束，答复期限顺延至 {{due}}。", null, ct);

    public Task<RequestRecord> ExtendAsync(StaffContext actor, long id, DateOnly? on, int workingDays, string? approvedBy, string? reason, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.extend", on, (c, cal, d) => c.Extend(d, workingDays, approvedBy ?? "", reason ?? "", cal),
            (n, d) => $"经政府信息公开工作机构负责人同意，延长答复期限{workingDays}个工作日，至 {{due}}（条例第三十三条第二款）。", null, ct);

    /// <summary>
    /// 国办函〔2020〕109号: the applicant's running total per natural month. 按件: every earlier application by the same
    /// applicant to this agency received in the same month counts as one 件 (or its stated 件数 if it was charged by item);
    /// 按量: the pages of earlier page-charged applications that month.
    /// </summary>
    public async Task<FeeAssessment> AssessFeeAsync(StaffContext actor, long id, FeeMethod method, int quantity, CancellationToken ct = default)
    {
        var record = await LoadReadableAsync(actor, id, ct);
        if (record.ReceivedOn is not { } received)
        {
            throw new ValidationException("Fee", "该申请尚未确认收到。");
        }
        var history = await PriorApplicationsAsync(record, ct);
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
        return await StepAsync(actor, id, "request.fee-notice", receivedOn, (c, cal, d) => c.IssueFeeNotice(d, assessment, cal),
            (n, d) => $"收费通知送达申请人：{assessment.Method.Label()}{assessment.Quantity}{(assessment.Method == FeeMethod.PerItem ? "件" : "页")}，信息处理费 {assessment.AmountYuan:0.00} 元，缴费期限至 {n.Fee!.PaymentDueOn:yyyy-MM-dd}（国办函〔2020〕109号）。",
            null, ct);
    }

    public Task<RequestRecord> RecordPaymentAsync(StaffContext actor, long id, DateOnly? on, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.fee-paid", on, (c, _, d) => c.RecordPayment(d),
            (n, d) => $"申请人已缴纳信息处理费，继续办理；答复期限 {{due}}。", null, ct);

    public Task<RequestRecord> CloseForNonPaymentAsync(StaffContext actor, long id, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.close-unpaid", null, (c, _, d) => c.CloseForNonPayment(d),
            (n, d) => "申请人逾期未按收费通知要求缴纳费用，不再处理（国办函〔2020〕109号）。", null, ct);

    public Task<RequestRecord> DecideAsync(StaffContext actor, long id, string? outcomeKey, DateOnly? on, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(outcomeKey))
        {
            throw new ValidationException("Outcome", "请选择办理结果。");
        }
        RequestOutcome outcome;
        try
        {
            outcome = RequestOutcomes.ByKey(outcomeKey);
        }
        catch (RequestWorkflowException ex)
        {
            throw new ValidationException("Outcome", ex.Message);
        }
        if (outcome.Group is OutcomeGroup.PartlyDisclosed or OutcomeGroup.Withheld or OutcomeGroup.CannotProvide or OutcomeGroup.NotProcessed
            && string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationException("Reason", "不予公开、部分公开、无法提供或不予处理的，应当告知理由（条例第三十六条）。");
        }
        return StepAsync(actor, id, "request.decide", on, (c, _, d) => c.Decide(outcome, d),
            (n, d) => $"作出答复决定：{outcome.Label}{(outcome.Article is null ? "" : "（" + outcome.Article + "）")}。",
            r => r.DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ct);
    }

    public Task<RequestRecord> AnswerAsync(StaffContext actor, long id, DateOnly? on, CancellationToken ct = default) =>
        StepAsync(actor, id, "request.answer", on, (c, _, d) => c.Answer(d),
            (n, d) => $"答复送达申请人（{d:yyyy-MM-dd}）。", null, ct);

    /// <summary>
    /// Decrypts the applicant's personal data for an authorised reader, recording the view first (条例第四十五条; privacy).
    /// Reading a case is not reading its applicant: outside one's own agency it takes a grant (<see cref="PersonalDataGrants"/>).
    /// </summary>
    public async Task<ApplicantPersonalData> ViewPersonalDataAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        var record = await LoadReadableAsync(actor, id, ct);
        await grants.EnsureMayDecryptAsync(actor, record.AgencyId, ct);
        audit.Record(actor, "request.pii.view", "Request", record.Id, $"{record.TrackingCode} 查看申请人身份及联系方式", record.AgencyId);
        await db.SaveChangesAsync(ct);
        return Decrypt(record);
    }

    internal ApplicantPersonalData Decrypt(RequestRecord record) => new(
        protector.Unprotect(record.NameProtected),
        protector.Unprotect(record.IdNumberProtected),
        protector.UnprotectOptional(record.PhoneProtected),
        protector.UnprotectOptional(record.AddressProtected),
        protector.UnprotectOptional(record.EmailProtected));

    public async Task<RequestAppeal> AddAppealAsync(StaffContext actor, long id, AppealKind kind, DateOnly? filedOn, string? body, string? caseNumber, CancellationToken ct = default)
    {
        var record = await LoadWritableAsync(actor, id, ct);
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(kind))
        {
            errors.Add("Kind", "请选择行政复议或行政诉讼。");
        }
        if (filedOn is null)
        {
            errors.Add("FiledOn", "请填写申请复议或起诉日期。");
        }
        else if (filedOn > clock.TodayDate)
        {
            errors.Add("FiledOn", "日期不能晚于今天。");
        }
        else if (record.ReceivedOn is { } r && filedOn < r)
        {
            errors.Add("FiledOn", "复议或起诉日期不能早于收到申请之日。");
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add("Body", kind == AppealKind.Reconsideration ? "请填写复议机关。" : "请填写受理法院。");
        }
        errors.ThrowIfAny();
        var appeal = new RequestAppeal
        {
            RequestId = record.Id,
            AgencyId = record.AgencyId,
            Kind = kind,
            FiledOn = filedOn!.Value,
            Body = body!.Trim(),
            CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim(),
            Result = AppealResult.Pending,
            UpdatedAt = clock.UtcNow,
        };
        db.RequestAppeals.Add(appeal);
        AddEvent(actor, record, "request.appeal", LocalDate.FromDateOnly(filedOn.Value), $"{kind.Label()}：{appeal.Body}{(appeal.CaseNumber is null ? "" : "，案号 " + appeal.CaseNumber)}。", false);
        audit.Record(actor, "request.appeal.add", "Request", record.Id, $"{record.TrackingCode} {kind.Label()} {appeal.Body}", record.AgencyId);
        await SaveAsync(ct);
        return appeal;
    }

    public async Task<RequestAppeal> ConcludeAppealAsync(StaffContext actor, long appealId, AppealResult result, DateOnly? concludedOn, string? note, CancellationToken ct = default)
    {
        var appeal = await db.RequestAppeals.SingleOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new NotFoundException("找不到该复议或诉讼记录。");
        var record = await LoadWritableAsync(actor, appeal.RequestId, ct);
        if (!Enum.IsDefined(result))
        {
            throw new ValidationException("Result", "请选择审理结果。");
        }
        if (result != AppealResult.Pending && concludedOn is null)
        {
            throw new ValidationException("ConcludedOn", "请填写审结日期。");
        }
        if (concludedOn is { } c && (c < appeal.FiledOn || c > clock.TodayDate))
        {
            throw new ValidationException("ConcludedOn", "审结日期应在立案日期与今天之间。");
        }
        appeal.Result = result;
        appeal.ConcludedOn = result == AppealResult.Pending ? null : concludedOn;
        appeal.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        appeal.UpdatedAt = clock.UtcNow;
        AddEvent(actor, record, "request.appeal.result", concludedOn is { } d ? LocalDate.FromDateOnly(d) : clock.Today, $"{appeal.Kind.Label()}（{appeal.Body}）：{result.Label()}。", false);
        audit.Record(actor, "request.appeal.result", "Request", record.Id, $"{record.TrackingCode} {appeal.Kind.Label()} → {result.Label()}", record.AgencyId);
        await SaveAsync(ct);
        return appeal;
    }

    public async Task<RequestRecord> LoadReadableAsync(StaffContext actor, long id, CancellationToken ct = default)
    {
        // One round trip: a case has at most two 补正 and a handful of pauses, so the joined rows stay few.
        var record = await db.Requests.Include(r => r.Corrections).Include(r => r.Pauses).AsSingleQuery().SingleOrDefaultAsync(r => r.Id == id, ct);
        // One answer for a case that does not exist and one the actor may not see: ids of other agencies' cases stay hidden.
        if (record is null || !await access.CanReadAsync(actor, record.AgencyId, ct))
        {
            throw new NotFoundException("找不到该申请，或您无权查看。");
        }
        record.Corrections.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        record.Pauses.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return record;
    }

    private async Task<RequestRecord> LoadWritableAsync(StaffContext actor, long id, CancellationToken ct)
    {
        var record = await LoadReadableAsync(actor, id, ct);
        await access.EnsureWritableAsync(actor, record.AgencyId, ct);
        RequireHandler(actor);
        return record;
    }

    /// <summary>
    /// One step: rebuild the domain case, let it validate the step, write back. <paramref name="on"/> defaults to today
    /// and may not be in the future (the record states what happened, not what is planned).
    /// </summary>
    private async Task<RequestRecord> StepAsync(StaffContext actor, long id, string action, DateOnly? on,
        Func<RequestCase, WorkingDayCalendar, LocalDate, RequestCase> step, Func<RequestCase, LocalDate, string> summary,
        Action<RequestRecord>? extra, CancellationToken ct) =>
        await StepAsync(actor, await LoadWritableAsync(actor, id, ct), action, on, step, summary, extra, ct);

    /// <summary>
    /// The applicant submits the correction online from the tracking page (code + secret). Received today: the answer
    /// period starts again from the day the corrected application is received (条例第三十条).
    /// </summary>
    public async Task<RequestRecord> SubmitCorrectionOnlineAsync(string? code, string? secret, string? correction, string? ipAddress, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(secret))
        {
            throw new NotFoundException("查询码或查询密码不正确。");
        }
        var normalized = code.Trim().ToUpperInvariant();
        var record = await db.Requests.Include(r => r.Corrections).Include(r => r.Pauses).AsSingleQuery().SingleOrDefaultAsync(r => r.TrackingCode == normalized, ct);
        if (record is null || !SecretMatches(record, secret))
        {
            throw new NotFoundException("查询码或查询密码不正确。");
        }
        if (string.IsNullOrWhiteSpace(correction))
        {
            throw new ValidationException("Correction", "请填写补正后的申请内容。");
        }
        if (correction.Length > 4000)
        {
            throw new ValidationException("Correction", "补正内容不能超过4000字。");
        }
        if (record.State != RequestState.AwaitingCorrection)
        {
            throw new ValidationException("Correction", "该申请当前不需要补正。");
        }
        record.Corrections.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        record.Pauses.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        var applicant = new StaffContext("applicant", "申请人", record.AgencyId, new HashSet<string>(), ipAddress);
        return await StepAsync(applicant, record, "request.corrected", null, (c, _, d) => c.ReceiveCorrection(d, false),
            (n, d) => $"申请人在线提交补正，答复期限自 {d:yyyy-MM-dd} 起重新计算，至 {{due}}（条例第三十条）。",
            r => r.Corrections[^1].Reply = correction.Trim(), ct);
    }

    private async Task<RequestRecord> StepAsync(StaffContext actor, RequestRecord record, string action, DateOnly? on,
        Func<RequestCase, WorkingDayCalendar, LocalDate, RequestCase> step, Func<RequestCase, LocalDate, string> summary,
        Action<RequestRecord>? extra, CancellationToken ct)
    {
        if (record.State is null)
        {
            throw new ValidationException("State", "该申请尚未确认收到，请先确认收到申请（条例第三十一条）。");
        }
        var today = clock.Today;
        var date = Local(on) ?? today;
        if (date > today)
        {
            throw new ValidationException("On", "办理日期不能晚于今天。");
        }
        var calendar = await calendars.CurrentAsync(ct);
        RequestCase next;
        try
        {
            next = step(ToDomain(record), calendar, date);
        }
        catch (RequestWorkflowException ex)
        {
            throw new ValidationException("Step", ex.Message);
        }
        catch (CalendarNotCoveredException ex)
        {
            throw new ValidationException("Calendar", ex.Message);
        }
        await ApplyAsync(record, next, ct, calendar);
        extra?.Invoke(record);
        var text = summary(next, date).Replace("{due}", record.DueOn?.ToString("yyyy-MM-dd") ?? "（暂不计算）", StringComparison.Ordinal);
        AddEvent(actor, record, action, date, text);
        audit.Record(actor, action, "Request", record.Id, $"{record.TrackingCode} → {next.State.Label()}；{text}", record.AgencyId);
        await SaveAsync(ct);
        return record;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ValidationException("Version", "该申请已被他人办理，请刷新后重试。");
        }
    }

    private void AddEvent(StaffContext actor, RequestRecord record, string action, LocalDate on, string summary, bool isPublic = true) =>
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = record.Id,
            Action = action,
            On = on.ToDateOnly(),
            At = clock.UtcNow,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            Summary = summary,
            Public = isPublic,
        });

    private async Task<List<PriorApplication>> PriorApplicationsAsync(RequestRecord record, CancellationToken ct)
    {
        var received = record.ReceivedOn!.Value;
        var monthStart = new DateOnly(received.Year, received.Month, 1);
        var candidates = await db.Requests.AsNoTracking()
            // The mask narrows the candidates in SQL (the same ID always has the same mask); only those are decrypted.
            .Where(r => r.AgencyId == record.AgencyId && r.Id != record.Id && r.ReceivedOn >= monthStart && r.ReceivedOn <= received
                && r.IdNumberMasked == record.IdNumberMasked)
            .Select(r => new { r.Id, r.ReceivedOn, r.IdNumberProtected, r.FeeMethod, r.FeeQuantity })
            .ToListAsync(ct);
        var mine = protector.Unprotect(record.IdNumberProtected);
        var history = new List<PriorApplication>();
        foreach (var c in candidates)
        {
            // Same applicant: identified by the decrypted ID number (never stored or compared in clear text in SQL).
            if ((c.ReceivedOn == received && c.Id > record.Id) || protector.Unprotect(c.IdNumberProtected) != mine)
            {
                continue;
            }
            // Every application counts towards the month's 件 (split into 件 when charged 按件); pages never carry over (第五条).
            var on = LocalDate.FromDateOnly(c.ReceivedOn!.Value);
            history.Add(new PriorApplication(on, FeeMethod.PerItem, c.FeeMethod == FeeMethod.PerItem ? c.FeeQuantity ?? 1 : 1));
        }
        return history;
    }

    /// <summary>Rebuilds the domain case from its rows.</summary>
    public static RequestCase ToDomain(RequestRecord r)
    {
        var received = LocalDate.FromDateOnly(r.ReceivedOn ?? throw new InvalidOperationException("Case not received yet."));
        return RequestCase.Receive(r.Channel, new ReceiptFacts(received, received, received), r.ApplicantType) with
        {
            State = r.State!.Value,
            ReceivedOn = received,
            ClockStartOn = LocalDate.FromDateOnly(r.ClockStartOn!.Value),
            LastStepOn = LocalDate.FromDateOnly(r.LastStepOn!.Value),
            Corrections = [.. r.Corrections.OrderBy(c => c.Seq).Select(c => new CorrectionNotice(
                LocalDate.FromDateOnly(c.NoticeOn), LocalDate.FromDateOnly(c.DueOn), Local(c.CorrectedOn)))],
            Pauses = [.. r.Pauses.OrderBy(p => p.Seq).Select(p => new ClockPause(p.Kind, LocalDate.FromDateOnly(p.From), Local(p.To)))],
            Extension = r.ExtensionApprovedOn is { } ext
                ? new DeadlineExtension(LocalDate.FromDateOnly(ext), r.ExtensionWorkingDays!.Value, r.ExtensionApprovedBy!, r.ExtensionReason!)
                : null,
            Fee = r.FeeNoticeReceivedOn is { } feeOn
                ? new FeeNotice(LocalDate.FromDateOnly(feeOn),
                    new FeeAssessment(r.FeeMethod!.Value, r.FeeQuantity!.Value, r.FeePriorQuantity ?? 0,
                        JsonSerializer.Deserialize<List<FeeBand>>(r.FeeBandsJson ?? "[]") ?? []),
                    LocalDate.FromDateOnly(r.FeePaymentDueOn!.Value), Local(r.FeePaidOn))
                : null,
            Outcome = r.OutcomeKey is { } key ? RequestOutcomes.ByKey(key) : null,
            DecidedOn = Local(r.DecidedOn),
            AnsweredOn = Local(r.AnsweredOn),
            ClosedOn = Local(r.ClosedOn),
        };
    }

    /// <summary>Writes the domain case back to the rows, with the due date as of today and the calendar version that computed it.</summary>
    private async Task ApplyAsync(RequestRecord r, RequestCase c, CancellationToken ct, WorkingDayCalendar? calendar = null)
    {
        r.State = c.State;
        r.ReceivedOn = c.ReceivedOn.ToDateOnly();
        r.ReceivedYear = c.ReceivedOn.Year;
        r.ClockStartOn = c.ClockStartOn.ToDateOnly();
        r.LastStepOn = c.LastStepOn.ToDateOnly();
        for (var i = 0; i < c.Corrections.Count; i++)
        {
            var n = c.Corrections[i];
            if (i == r.Corrections.Count)
            {
                r.Corrections.Add(new RequestCorrectionRow { Seq = i + 1 });
            }
            r.Corrections[i].NoticeOn = n.NoticeOn.ToDateOnly();
            r.Corrections[i].DueOn = n.DueOn.ToDateOnly();
            r.Corrections[i].CorrectedOn = n.CorrectedOn?.ToDateOnly();
        }
        for (var i = 0; i < c.Pauses.Count; i++)
        {
            var p = c.Pauses[i];
            if (i == r.Pauses.Count)
            {
                r.Pauses.Add(new RequestPauseRow { Seq = i + 1 });
            }
            r.Pauses[i].Kind = p.Kind;
            r.Pauses[i].From = p.From.ToDateOnly();
            r.Pauses[i].To = p.To?.ToDateOnly();
        }
        r.ExtensionApprovedOn = c.Extension?.ApprovedOn.ToDateOnly();
        r.ExtensionWorkingDays = c.Extension?.WorkingDays;
        r.ExtensionApprovedBy = c.Extension?.ApprovedBy;
        r.ExtensionReason = c.Extension?.Reason;
        if (c.Fee is { } fee)
        {
            r.FeeNoticeReceivedOn = fee.ReceivedOn.ToDateOnly();
            r.FeeMethod = fee.Assessment.Method;
            r.FeeQuantity = fee.Assessment.Quantity;
            r.FeePriorQuantity = fee.Assessment.PriorQuantity;
            r.FeeAmountFen = fee.Assessment.AmountFen;
            r.FeeBandsJson = JsonSerializer.Serialize(fee.Assessment.Bands);
            r.FeePaymentDueOn = fee.PaymentDueOn.ToDateOnly();
            r.FeePaidOn = fee.PaidOn?.ToDateOnly();
        }
        r.ApplicantDueOn = c.State switch
        {
            RequestState.AwaitingCorrection => c.Corrections[^1].DueOn.ToDateOnly(),
            RequestState.AwaitingPayment => c.Fee?.PaymentDueOn.ToDateOnly(),
            _ => null,
        };
        r.OutcomeKey = c.Outcome?.Key;
        r.DecidedOn = c.DecidedOn?.ToDateOnly();
        r.AnsweredOn = c.AnsweredOn?.ToDateOnly();
        r.ClosedOn = c.ClosedOn?.ToDateOnly();
        r.FinishedOn = (c.AnsweredOn ?? c.ClosedOn)?.ToDateOnly();
        calendar ??= await calendars.CurrentAsync(ct);
        try
        {
            var deadline = DeadlinePolicy.Compute(c, calendar, clock.Today, explain: false);
            r.DueOn = deadline.DueOn?.ToDateOnly();
            r.ClockRunning = deadline.HasLiveDueDate;
            r.CalendarVersion = deadline.CalendarVersion;
        }
        catch (CalendarNotCoveredException)
        {
            // The due date falls in a year without holiday data: no guessed date; the dashboard lists it as "cannot compute".
            r.DueOn = null;
            r.ClockRunning = c.HasLiveDueDate;
            r.CalendarVersion = calendar.Version;
        }
        r.UpdatedAt = clock.UtcNow;
        r.Version++;
    }

    /// <summary>
    /// After a calendar change: recomputes the stored due date of every open case (not answered or closed) with the new
    /// calendar, so the dashboard and lists follow it. Closed cases keep the due date and version they were decided under.
    /// Returns the number of cases whose stored due date changed.
    /// </summary>
    public async Task<int> RecomputeOpenDeadlinesAsync(CancellationToken ct = default)
    {
        var calendar = await calendars.CurrentAsync(ct);
        var today = clock.Today;
        var changed = 0;
        long lastId = 0;
        while (true)
        {
            var batch = await db.Requests.Include(r => r.Corrections).Include(r => r.Pauses).AsSingleQuery()
                .Where(r => r.Id > lastId && r.State != null && r.FinishedOn == null && r.CalendarVersion != calendar.Version)
                .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return changed;
            }
            foreach (var r in batch)
            {
                DateOnly? due;
                try
                {
                    due = DeadlinePolicy.Compute(ToDomain(r), calendar, today, explain: false).DueOn?.ToDateOnly();
                }
                catch (CalendarNotCoveredException)
                {
                    due = null;
                }
                if (due != r.DueOn)
                {
                    // The case's timeline says why its due date moved; the old date and version stay readable there.
                    AddEvent(StaffContext.System(r.AgencyId), r, "request.deadline.recalendar", today,
                        $"工作日历调整（{r.CalendarVersion} → {calendar.Version}）：答复期限由 {r.DueOn?.ToString("yyyy-MM-dd") ?? "无法计算"} 调整为 {due?.ToString("yyyy-MM-dd") ?? "无法计算（日历未收录该年度）"}。");
                    changed++;
                }
                r.DueOn = due;
                r.CalendarVersion = calendar.Version;
            }
            lastId = batch[^1].Id;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static ReceiptFacts Facts(RequestRecord r) => new(Local(r.SubmittedOn), Local(r.SignedForOn), Local(r.ConfirmedOn));

    private static LocalDate? Local(DateOnly? d) => d is { } v ? LocalDate.FromDateOnly(v) : null;

    private static string NormalizeId(string id) => id.Trim().ToUpperInvariant();

    /// <summary>The tracking secret against its stored hash, in constant time (no hint from timing how much matched).</summary>
    internal static bool SecretMatches(RequestRecord record, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(record.SecretHash));

    private static string NewSecret() => RandomNumberGenerator.GetString(CodeAlphabet, 16);

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim().ToUpperInvariant())));

    private static string NewTrackingCode(LocalDate today) =>
        $"YSQ{today:yyyyMMdd}-{RandomNumberGenerator.GetString(CodeAlphabet, 6)}";

    /// <summary>Registering, every step of a case and its letters: a supervisor (政务公开办) reads cases but does not handle them.</summary>
    internal static void RequireHandler(StaffContext actor) => actor.Require(Permission.RequestsHandle, "您的角色不能登记或办理依申请公开。");
}
