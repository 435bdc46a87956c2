using System.Security.Cryptography;
using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Application.Requests.Storage;
using Gongkai.Documents;
using Gongkai.Domain.Requests;
using Gongkai.Domain.Requests.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Application.Requests.Letters;

/// <summary>A numbered letter of a case with its files (Word, and PDF where a font and the PDF licence are there).</summary>
public sealed record CaseLetter(long Id, LetterKind Kind, string Number, DateOnly IssuedOn, string Addressee, DateTime CreatedAt,
    string CreatedByName, IReadOnlyList<LetterInfo> Files);

/// <summary>
/// Every letter a case can need, numbered from the agency's yearly sequence and laid out after GB/T 9704, as Word and PDF,
/// stored encrypted with the case. A letter is offered only in a state that has it (<see cref="LetterFacts.Unavailable"/>).
/// </summary>
public sealed class CaseLetters(
    GongkaiDbContext db, AgencyAccess access, AuditLog audit, PlatformClock clock, ApplicantDataProtector protector, IConfiguration configuration)
{
    public const string AnswerPrefix = "答复告知书-";
    public const string FeeNoticePrefix = "收费通知书-";

    /// <summary>Concurrent clerks of one agency may pick the same next number; the loser composes again with the next one.</summary>
    private const int MaxAttempts = 40;

    private static readonly LetterKind[] NotForApplicant = [LetterKind.ThirdPartyConsultation, LetterKind.ServiceReceipt];

    /// <summary>False for the letter to a third party and the 送达回证: they stay in the office's file.</summary>
    public static bool IsForApplicant(string fileName) =>
        !NotForApplicant.Any(k => fileName.StartsWith(k.Label() + "-", StringComparison.Ordinal));

    public async Task<IReadOnlyList<CaseLetter>> ListAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        await ReadableAsync(actor, requestId, ct);
        var issued = await db.IssuedLetters.AsNoTracking().Where(l => l.RequestId == requestId).OrderByDescending(l => l.Id).ToListAsync(ct);
        var files = await db.RequestLetters.AsNoTracking().Where(l => l.RequestId == requestId && l.IssuedLetterId != null)
            .Select(l => new { l.IssuedLetterId, Info = new LetterInfo(l.Id, l.FileName, l.ContentType, l.CreatedAt) }).ToListAsync(ct);
        return [.. issued.Select(l => new CaseLetter(l.Id, l.Kind, l.Number, l.IssuedOn, l.Addressee, l.CreatedAt, l.CreatedByName,
            [.. files.Where(f => f.IssuedLetterId == l.Id).Select(f => f.Info).OrderBy(f => f.FileName, StringComparer.Ordinal)]))];
    }

    /// <summary>The kinds of letter the case's present state allows.</summary>
    public async Task<IReadOnlyList<LetterKind>> AvailableAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        var record = await ReadableAsync(actor, requestId, ct);
        return (await FactsAsync(record, ct)).Available;
    }

    /// <summary>
    /// Composes the letter, allocates its number and stores it: the number, the files, the timeline entry and the audit entry
    /// in one transaction, so a refused letter (a state without it) or a lost race leaves nothing behind.
    /// </summary>
    public async Task<IssuedLetter> GenerateAsync(StaffContext actor, long requestId, LetterKind kind, CancellationToken ct = default)
    {
        if (kind == LetterKind.Answer)
        {
            // Seeding may lose a race and retry; keep that out of the letter's transaction.
            await AnswerTemplates.SeedAsync(db, clock, ct);
        }
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (issued, record, document, isPublic) = await PrepareAsync(actor, requestId, kind, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var taken = await db.IssuedLetters.AnyAsync(l => l.AgencyId == issued.AgencyId && l.Year == issued.Year && l.Seq == issued.Seq, ct);
                if (!taken && attempt >= 3)
                {
                    // Not a lost race for the number (nor a passing lock): let the error mapping report it.
                    throw;
                }
                await Task.Delay(Random.Shared.Next(5, 40), ct);
                continue;
            }
            Store(actor, record, issued, document, isPublic);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return issued;
        }
    }

    private async Task<(IssuedLetter, RequestRecord, Document, bool)> PrepareAsync(StaffContext actor, long requestId, LetterKind kind, CancellationToken ct)
    {
        var record = await db.Requests.Include(r => r.Corrections).Include(r => r.Pauses).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new NotFoundException("找不到该申请，或您无权查看。");
        await access.EnsureWritableAsync(actor, record.AgencyId, ct);
        RequestCaseStore.RequireHandler(actor);
        var facts = await FactsAsync(record, ct);
        if (facts.Unavailable(kind) is { } why)
        {
            throw new ValidationException("Kind", why);
        }
        var date = facts.DateOf(kind);
        var title = kind.Title();
        LetterText text;
        if (kind == LetterKind.Answer)
        {
            var template = await AnswerTemplates.ForAsync(db, facts.Outcome!.Group, ct);
            title = template.Title;
            text = AnswerLetters.Compose(template, facts, date);
        }
        else
        {
            text = kind == LetterKind.FeeNotice ? FeeNoticeText.Compose(facts, configuration["Letters:FeePaymentInstructions"]) : LetterTexts.Compose(kind, facts);
        }
        var seq = await LetterNumbers.NextAsync(db, record.AgencyId, date.Year, ct);
        var issued = new IssuedLetter
        {
            RequestId = record.Id, AgencyId = record.AgencyId, Kind = kind, Year = date.Year, Seq = seq,
            Number = LetterNumbers.Format(LetterNumbers.PrefixOf(facts.Agency), date.Year, seq), IssuedOn = date,
            Addressee = (text.Addressee ?? facts.LastServable?.Addressee ?? facts.ApplicantName).TrimEnd('：'),
            CreatedAt = clock.UtcNow, CreatedByName = actor.UserName,
        };
        db.IssuedLetters.Add(issued);
        var document = Document.OfficialLetter(title, issued.Number, text.Addressee, text.Body, facts.Agency.Name, LetterTexts.ChineseDate(date));
        // The answer letter reaches the applicant's timeline once the answer is served: before that it is the office's draft.
        var isPublic = kind switch
        {
            LetterKind.Answer => record.State is RequestState.Answered or RequestState.ClosedAbandoned,
            LetterKind.ThirdPartyConsultation or LetterKind.ServiceReceipt => false,
            _ => true,
        };
        return (issued, record, document, isPublic);
    }

    private async Task<LetterFacts> FactsAsync(RequestRecord record, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, ct);
        // The parent government names the 复议机关 when none is configured; it may lie outside the actor's agency scope.
        var parent = agency.ParentId is { } parentId ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == parentId, ct) : null;
        var servable = await db.IssuedLetters.AsNoTracking()
            .Where(l => l.RequestId == record.Id && l.Kind != LetterKind.ServiceReceipt).OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        return new LetterFacts(record, agency, protector.Unprotect(record.NameProtected),
            record.AddressProtected is { } address ? protector.Unprotect(address) : null,
            record.Corrections.OrderByDescending(c => c.Seq).FirstOrDefault(),
            record.Pauses.Where(p => p.Kind == PauseKind.ThirdPartyConsultation).OrderByDescending(p => p.Seq).FirstOrDefault(),
            servable, clock.TodayDate, parent);
    }

    private async Task<RequestRecord> ReadableAsync(StaffContext actor, long requestId, CancellationToken ct)
    {
        var record = await db.Requests.AsNoTracking().Include(r => r.Corrections).Include(r => r.Pauses).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("找不到该申请，或您无权查看。");
        await access.EnsureReadableAsync(actor, record.AgencyId, ct);
        return record;
    }

    /// <summary>Adds the .docx (always) and the .pdf (when a Chinese font and the PDF licence are there) with a timeline entry.</summary>
    private void Store(StaffContext actor, RequestRecord record, IssuedLetter issued, Document document, bool isPublic)
    {
        var now = clock.UtcNow;
        var baseName = $"{issued.Kind.Label()}-{record.TrackingCode}";
        var fontPath = configuration["Letters:FontPath"];
        db.RequestLetters.Add(File(issued, baseName + ".docx", WordWriter.ContentType, WordWriter.Write(document), now, actor));
        var pdfNote = "";
        if (CjkFontResolver.FindFontFile(fontPath) is null)
        {
            // A machine without a Chinese font still gets the Word letter; the case page says why there is no PDF.
            pdfNote = CjkFontResolver.MissingFontMessage.TrimEnd('。') + "；仅生成 Word 版";
        }
        else if (PdfWriter.ConfigureLicense(configuration["Letters:PdfSharpLicense"]))
        {
            try
            {
                db.RequestLetters.Add(File(issued, baseName + ".pdf", PdfWriter.ContentType, PdfWriter.Write(document, fontPath, configuration["Letters:SerifFontPath"]), now, actor));
            }
            catch (PdfLicenseException)
            {
                pdfNote = "PDF 组件许可 Letters:PdfSharpLicense 无效，仅生成 Word 版";
            }
        }
        else
        {
            pdfNote = "未配置 PDF 组件许可 Letters:PdfSharpLicense，仅生成 Word 版";
        }
        var outcome = issued.Kind == LetterKind.Answer && record.OutcomeKey is { } key ? $"（{RequestOutcomes.ByKey(key).Group.Label()}）" : "";
        var (action, summary) = issued.Kind == LetterKind.FeeNotice
            ? ("request.fee-letter", $"生成收费通知书：信息处理费 {record.FeeAmountFen / 100m:0.00} 元，缴费期限至 {record.FeePaymentDueOn:yyyy-MM-dd}。")
            : ("request.letter", $"生成{issued.Kind.Label()}{outcome}。");
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = record.Id, Action = action, On = clock.TodayDate, At = now, ActorId = actor.UserId, ActorName = actor.UserName,
            Summary = summary, Public = isPublic,
        });
        if (pdfNote.Length > 0)
        {
            // Why there is no PDF is for staff, not for the applicant's timeline.
            db.RequestEvents.Add(new RequestEvent
            {
                RequestId = record.Id, Action = action + ".no-pdf", On = clock.TodayDate, At = now, ActorId = actor.UserId,
                ActorName = actor.UserName, Summary = pdfNote + "。", Public = false,
            });
        }
        audit.Record(actor, action, "Request", record.Id, $"{record.TrackingCode} 生成{issued.Kind.Label()} {issued.Number}", record.AgencyId);
    }

    /// <summary>The letter names the applicant: stored encrypted like the case's personal data; the hash is of the letter itself.</summary>
    private RequestLetter File(IssuedLetter issued, string name, string type, byte[] data, DateTime at, StaffContext actor) => new()
    {
        Id = Guid.NewGuid(),
        RequestId = issued.RequestId,
        IssuedLetterId = issued.Id,
        FileName = name,
        ContentType = type,
        Data = protector.ProtectFile(data),
        Encrypted = true,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
        CreatedAt = at,
        CreatedByName = actor.UserName,
    };
}
