using System.Security.Cryptography;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests.Intake;

/// <summary>A new request and the one-time secret the applicant needs to follow it (only its hash is stored).</summary>
/// <remarks>
/// <see cref="Resubmitted"/>: the same form was posted before; no case was created, the secret is unchanged and not
/// known any more, so <see cref="Secret"/> is null (the first receipt showed it).
/// </remarks>
public sealed record NewRequest(RequestRecord Record, string? Secret, bool Resubmitted = false);

/// <summary>
/// Intake of requests (条例第二十九条、第三十一条): online from the portal, or registered by staff for what arrived in
/// person, by post, e-mail or fax. A form carries a submission key, so posting it twice creates one case.
/// </summary>
public sealed class RequestIntake(
    GongkaiDbContext db,
    AgencyAccess access,
    AuditLog audit,
    PlatformClock clock,
    RequestCaseStore store,
    ApplicantDataProtector protector,
    UploadLimits limits,
    Notifications.ApplicantNotifier notifier)
{
    /// <summary>
    /// The agencies the actor may register a request for: their own; the platform administrator any agency
    /// (a supervisor does not register for subordinates: the receiving agency registers what it received).
    /// </summary>
    public Task<List<Agency>> RegistrableAgenciesAsync(StaffContext actor, CancellationToken ct = default) =>
        access.Readable(actor).Where(a => actor.IsPlatformAdmin || a.Id == actor.AgencyId)
            .OrderBy(a => a.Path).ThenBy(a => a.Id).Take(500).ToListAsync(ct);

    /// <summary>
    /// 条例第三十一条第（三）项: an online request is received on the day both sides confirm. The applicant confirms by
    /// submitting; the office confirms with <see cref="Steps.RequestSteps.ConfirmReceiptAsync"/>, and that day is the day of receipt. Until
    /// then the case has no receipt date and no clock.
    /// </summary>
    public async Task<NewRequest> SubmitOnlineAsync(string agencyCode, RequestForm input, string? ipAddress,
        (string FileName, byte[] Content)? attachment = null, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, ct)
            ?? throw new NotFoundException("找不到该单位。");
        var actor = new StaffContext("public", "申请人（在线提交）", agency.Id, new HashSet<string>(), ipAddress);
        // 件数 is the office's assessment (一事一申请), not the applicant's: an online application is filed as one.
        input.ItemCount = null;
        return await CreateAsync(actor, agency.Id, SubmissionChannel.Online, input, new ReceiptFacts(), attachment, ct);
    }

    /// <summary>Staff register a request received in person, by post, fax or e-mail, with the facts 条例第三十一条 reads.</summary>
    public Task<NewRequest> RegisterAsync(StaffContext actor, int agencyId, SubmissionChannel channel, RequestForm input,
        DateOnly? submittedOn, DateOnly? signedForOn, DateOnly? confirmedOn, CancellationToken ct = default) =>
        RegisterAsync(actor, agencyId, channel, input, submittedOn, signedForOn, confirmedOn, null, ct);

    /// <remarks><paramref name="attachment"/>: e.g. the scanned letter or fax, checked by content like the public form's.</remarks>
    public async Task<NewRequest> RegisterAsync(StaffContext actor, int agencyId, SubmissionChannel channel, RequestForm input,
        DateOnly? submittedOn, DateOnly? signedForOn, DateOnly? confirmedOn, (string FileName, byte[] Content)? attachment, CancellationToken ct = default)
    {
        await access.EnsureWritableAsync(actor, agencyId, ct);
        RequestCaseStore.RequireHandler(actor);
        if (!RequestFormRules.StaffChannels.Contains(channel))
        {
            throw new ValidationException("Channel", "请选择当面、挂号信、平信、电子邮箱或传真；在线申请由申请人在门户提交。");
        }
        var dates = new ValidationErrors();
        InputBounds.CheckDate(dates, "SubmittedOn", submittedOn, clock.Today);
        InputBounds.CheckDate(dates, "SignedForOn", signedForOn, clock.Today);
        InputBounds.CheckDate(dates, "ConfirmedOn", confirmedOn, clock.Today);
        dates.ThrowIfAny();
        var facts = new ReceiptFacts(RequestCaseMapping.Local(submittedOn), RequestCaseMapping.Local(signedForOn), RequestCaseMapping.Local(confirmedOn));
        return await CreateAsync(actor, agencyId, channel, input, facts, attachment, ct);
    }

    private async Task<NewRequest> CreateAsync(StaffContext actor, int agencyId, SubmissionChannel channel, RequestForm input,
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
    /// The same form posted again finds the case it created and answers with its receipt, without a secret: the secret
    /// stays the one shown on the first receipt. The submission key is not a credential — it sits in the page's HTML, the
    /// browser's history and cache, a shared computer's back button, an API client's logs — so whoever replays it must
    /// not be handed a fresh secret that locks the real applicant out of /track (nor see the old one, which only exists
    /// as a hash). Requiring the old secret instead would help no one: a client that holds it needs no new one. An
    /// applicant whose first receipt never reached the screen asks the office, which can identify them. The same rule
    /// holds for the portal form, the staff registration form and the staff API's Idempotency-Key, which all land here.
    /// A form whose description was edited before posting again is a new request and gets no key match.
    /// </summary>
    private async Task<NewRequest?> ResubmissionAsync(StaffContext actor, int agencyId, Guid key, RequestForm input, CancellationToken ct)
    {
        var record = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.SubmissionKey == key, ct);
        if (record is null)
        {
            return null;
        }
        if (!string.Equals(record.Description, input.Description?.Trim(), StringComparison.Ordinal))
        {
            input.SubmissionKey = null;
            return null;
        }
        audit.Record(actor, "request.resubmit", "Request", record.Id, $"{record.TrackingCode} 重复提交同一申请表（未重复登记，查询密码未变）", agencyId);
        await db.SaveChangesAsync(ct);
        return new NewRequest(record, null, Resubmitted: true);
    }

    private async Task<NewRequest> InsertAsync(StaffContext actor, int agencyId, SubmissionChannel channel, RequestForm input,
        ReceiptFacts facts, (string FileName, byte[] Content)? attachment, CancellationToken ct)
    {
        var today = clock.Today;
        var errors = RequestFormRules.Validate(input, today);
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

        var secret = TrackingSecrets.NewSecret();
        var now = clock.UtcNow;
        var record = new RequestRecord
        {
            AgencyId = agencyId,
            TrackingCode = TrackingSecrets.NewTrackingCode(today),
            SecretHash = TrackingSecrets.HashSecret(secret),
            ApplicantType = input.ApplicantType,
            Channel = channel,
            SubmissionKey = input.SubmissionKey,
            NameProtected = protector.Protect(input.Name!.Trim()),
            IdDocumentType = RequestFormRules.DocumentType(input)!.Value,
            IdNumberProtected = protector.Protect(RequestFormRules.NormalizedNumber(input)),
            ContactPersonProtected = input.ApplicantType == ApplicantType.NaturalPerson ? null : protector.ProtectOptional(input.ContactPerson),
            ItemCount = input.ItemCount ?? 1,
            PhoneProtected = protector.ProtectOptional(input.Phone),
            AddressProtected = protector.ProtectOptional(input.Address),
            EmailProtected = protector.ProtectOptional(input.Email),
            NameMasked = ApplicantDataProtector.MaskName(input.Name),
            IdNumberMasked = ApplicantDataProtector.MaskId(RequestFormRules.NormalizedNumber(input)),
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
            await store.ApplyAsync(record, domain, ct);
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
                Data = protector.ProtectFile(att.Content),
                Encrypted = true,
            });
        }
        var summary = domain is null
            ? $"{channel.Label()}提交申请，待政府信息公开工作机构确认收到（条例第三十一条）。"
            : $"登记申请（{channel.Label()}），收到申请之日 {domain.ReceivedOn:yyyy-MM-dd}；答复期限 {record.DueOn:yyyy-MM-dd}。";
        store.AddEvent(actor, record, "request.create", domain?.ReceivedOn ?? today, summary);
        audit.Record(actor, "request.create", "Request", record.Id, $"{record.TrackingCode} {channel.Label()} {input.ApplicantType.Label()}", agencyId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.NotifyAsync(record, "request.create", ct);
        return new NewRequest(record, secret);
    }
}
