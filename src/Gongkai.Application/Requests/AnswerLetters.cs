using System.Security.Cryptography;
using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Privacy;
using Gongkai.Documents;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Application.Requests;

/// <summary>
/// The answer letter (政府信息公开申请答复告知书, 条例第三十六条) from an editable template per outcome group, as Word and PDF,
/// stored with the case and offered on the public tracking page.
/// Placeholders: {申请人} {查询码} {收到日期} {申请内容} {答复结论} {法律依据} {处理决定} {理由} {机关} {答复日期}.
/// {法律依据} is the outcome's article written out in full; {处理决定} what the agency does (for 条例第三十六条第（七）项
/// it directs the applicant to the other law's procedure instead of refusing).
/// </summary>
public sealed class AnswerLetters(
    GongkaiDbContext db, AgencyAccess access, AuditLog audit, PlatformClock clock, ApplicantDataProtector protector, IConfiguration configuration)
{
    /// <summary>File names of 收费通知书 start with this; answer letters with 答复告知书.</summary>
    public const string FeeNoticePrefix = "收费通知书-";

    private const string Closing = "如对本答复不服，可以在收到本告知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼（条例第五十一条）。";

    /// <summary>Default templates, one per outcome group, following the 条例第三十六条 answer types.</summary>
    public static IReadOnlyDictionary<OutcomeGroup, string> DefaultBodies { get; } = new Dictionary<OutcomeGroup, string>
    {
        [OutcomeGroup.Disclosed] = Body("经审查，您申请获取的信息属于公开范围，根据{法律依据}的规定，{处理决定}。所申请信息按您要求的形式提供，或请按本告知书载明的方式、途径和时间获取。"),
        [OutcomeGroup.PartlyDisclosed] = Body("经审查，您申请获取的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{法律依据}的规定，{处理决定}；对不予公开的部分，理由如下：{理由}"),
        [OutcomeGroup.Withheld] = Body("经审查，您申请获取的信息{答复结论}。根据{法律依据}的规定，{处理决定}。理由如下：{理由}"),
        [OutcomeGroup.CannotProvide] = Body("经审查，{答复结论}。根据{法律依据}的规定，{处理决定}。说明如下：{理由}"),
        [OutcomeGroup.NotProcessed] = Body("经审查，您的申请属于“{答复结论}”的情形。根据{法律依据}的规定，{处理决定}。说明如下：{理由}"),
        [OutcomeGroup.OtherHandling] = Body("经审查，您的申请属于“{答复结论}”的情形。根据{法律依据}的规定，{处理决定}。{理由}"),
    };

    private static string Body(string middle) =>
        "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取：{申请内容}。\n"
        + middle + "\n" + Closing + "\n{机关}\n{答复日期}";

    /// <summary>Seeds missing defaults; returns the templates in group order.</summary>
    public async Task<List<AnswerTemplate>> TemplatesAsync(CancellationToken ct = default)
    {
        var existing = await db.AnswerTemplates.ToListAsync(ct);
        var added = false;
        foreach (var (group, body) in DefaultBodies)
        {
            if (existing.All(t => t.Group != group))
            {
                var t = new AnswerTemplate { Group = group, Title = "政府信息公开申请答复告知书", Body = body, UpdatedAt = clock.UtcNow, UpdatedByName = "系统默认" };
                db.AnswerTemplates.Add(t);
                existing.Add(t);
                added = true;
            }
        }
        if (added)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request seeded them first (unique index on Group): use theirs.
                db.ChangeTracker.Clear();
                existing = await db.AnswerTemplates.ToListAsync(ct);
            }
        }
        return [.. existing.OrderBy(t => t.Group)];
    }

    public async Task UpdateTemplateAsync(StaffContext actor, OutcomeGroup group, string? title, string? body, CancellationToken ct = default)
    {
        if (!actor.Has(Permission.TemplatesManage))
        {
            throw new ForbiddenException("只有平台管理员可以修改告知书模板。");
        }
        var errors = new ValidationErrors();
        InputBounds.CheckDefined(errors, "Group", group, "请选择答复类型。");
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
        {
            errors.Add("Title", "请填写标题（不超过200字）。");
        }
        if (string.IsNullOrWhiteSpace(body) || body.Length > 20000)
        {
            errors.Add("Body", "请填写正文（不超过20000字）。");
        }
        else if (!body.Contains("{法律依据}", StringComparison.Ordinal) && group != OutcomeGroup.Disclosed)
        {
            errors.Add("Body", "正文须包含 {法律依据}：告知书应当说明所依据的条款（条例第三十六条）。");
        }
        errors.ThrowIfAny();
        var template = (await TemplatesAsync(ct)).Single(t => t.Group == group);
        template.Title = title!.Trim();
        template.Body = body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        template.UpdatedAt = clock.UtcNow;
        template.UpdatedByName = actor.UserName;
        audit.Record(actor, "request.template.update", "AnswerTemplate", (int)group, group.Label());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Fills the template for the case's outcome and stores the .docx and .pdf with the case.</summary>
    public async Task GenerateAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        var record = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("找不到该申请，或您无权查看。");
        await access.EnsureWritableAsync(actor, record.AgencyId, ct);
        Storage.RequestCaseStore.RequireHandler(actor);
        if (record.OutcomeKey is not { } key)
        {
            throw new ValidationException("Letter", "尚未作出答复决定，不能生成告知书。");
        }
        var outcome = RequestOutcomes.ByKey(key);
        var template = (await TemplatesAsync(ct)).Single(t => t.Group == outcome.Group);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, ct);
        var date = record.AnsweredOn ?? record.ClosedOn ?? record.DecidedOn ?? clock.TodayDate;
        var values = new Dictionary<string, string>
        {
            ["{申请人}"] = protector.Unprotect(record.NameProtected),
            ["{查询码}"] = record.TrackingCode,
            ["{收到日期}"] = ChineseDate(record.ReceivedOn ?? date),
            ["{申请内容}"] = record.Description,
            ["{答复结论}"] = outcome.Group switch
            {
                OutcomeGroup.Disclosed => "予以公开",
                OutcomeGroup.PartlyDisclosed => "部分公开",
                _ => StripNumber(outcome.Label),
            },
            ["{法律依据}"] = outcome.Citation,
            ["{处理决定}"] = outcome.Disposition,
            ["{理由}"] = record.DecisionReason ?? "",
            ["{机关}"] = agency.Name,
            ["{答复日期}"] = ChineseDate(date),
        };
        var body = values.Aggregate(template.Body, (text, kv) => text.Replace(kv.Key, kv.Value, StringComparison.Ordinal));
        // On the applicant's timeline only once the answer is served: before that the letter is the office's draft.
        Store(actor, record, template.Title, body.Split('\n'), $"答复告知书-{record.TrackingCode}", "request.letter",
            $"生成答复告知书（{outcome.Group.Label()}）。", isPublic: record.State is RequestState.Answered or RequestState.ClosedAbandoned);
        audit.Record(actor, "request.letter", "Request", record.Id, $"{record.TrackingCode} 生成告知书（{outcome.Label}）", record.AgencyId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The 收费通知 of a case charged a 信息处理费: basis, method, the tiers crossed, amount, how and by when to pay, and
    /// what non-payment means (国办函〔2020〕109号; domain.md §3). Stored with the case like an answer letter and shown to the
    /// applicant on the tracking page. The payment instructions come from <c>Letters:FeePaymentInstructions</c>.
    /// </summary>
    public async Task GenerateFeeNoticeAsync(StaffContext actor, long requestId, CancellationToken ct = default)
    {
        var record = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("找不到该申请，或您无权查看。");
        await access.EnsureWritableAsync(actor, record.AgencyId, ct);
        Storage.RequestCaseStore.RequireHandler(actor);
        if (record is not { FeeNoticeReceivedOn: { } noticeOn, FeeMethod: { } method, FeeQuantity: { } quantity, FeeAmountFen: { } amountFen, FeePaymentDueOn: { } payBy })
        {
            throw new ValidationException("Letter", "本案未登记收费通知，不能生成收费通知书。");
        }
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, ct);
        var bands = System.Text.Json.JsonSerializer.Deserialize<List<Domain.Fees.FeeBand>>(record.FeeBandsJson ?? "[]") ?? [];
        var unit = method == Domain.Fees.FeeMethod.PerItem ? "件" : "页";
        var counted = method == Domain.Fees.FeeMethod.PerItem
            ? $"按件计收，本申请计{quantity}件（本自然月内此前已申请{record.FeePriorQuantity ?? 0}件，累计计算）"
            : $"按量计收，本申请计{quantity}页";
        var lines = new List<string>
        {
            protector.Unprotect(record.NameProtected) + "：",
            $"本机关于{ChineseDate(record.ReceivedOn ?? noticeOn)}收到您提出的政府信息公开申请（查询码：{record.TrackingCode}），申请获取：{record.Description}。",
            "根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您申请公开政府信息的数量、频次明显超过合理范围，本机关决定收取信息处理费。",
            $"计费方式：{counted}，按照超额累进方式计算。",
        };
        lines.AddRange(bands.Where(b => b.UnitPriceFen > 0).Select(b =>
            $"第{b.FromUnit}—{b.ToUnit}{unit}：{b.UnitPriceFen / 100m:0.##}元/{unit}，{b.Units}{unit}，小计{b.SubtotalFen / 100m:0.00}元。"));
        lines.Add($"应缴信息处理费合计：{amountFen / 100m:0.00}元。");
        lines.Add("缴纳方式：" + (configuration["Letters:FeePaymentInstructions"] is { Length: > 0 } how
            ? how
            : "请按本机关政府信息公开工作机构告知的非税收入缴款方式缴纳，缴款后凭财政票据办理。"));
        lines.Add($"请自收到本通知之日起20个工作日内（即{ChineseDate(payBy)}前，含当日）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理您的该项政府信息公开申请。");
        lines.Add(agency.Name);
        lines.Add(ChineseDate(noticeOn));
        Store(actor, record, "政府信息公开信息处理费收费通知书", lines, FeeNoticePrefix + record.TrackingCode, "request.fee-letter",
            $"生成收费通知书：信息处理费 {amountFen / 100m:0.00} 元，缴费期限至 {payBy:yyyy-MM-dd}。", isPublic: true);
        audit.Record(actor, "request.fee-letter", "Request", record.Id, $"{record.TrackingCode} 生成收费通知书", record.AgencyId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the .docx (always) and the .pdf (when a Chinese font and the PDF licence are there) with a timeline entry.</summary>
    private void Store(StaffContext actor, RequestRecord record, string title, IReadOnlyList<string> paragraphs, string baseName, string action,
        string summary, bool isPublic)
    {
        var now = clock.UtcNow;
        var document = LetterDocument(title, paragraphs);
        var fontPath = configuration["Letters:FontPath"];
        db.RequestLetters.Add(Letter(record.Id, baseName + ".docx", WordWriter.ContentType, WordWriter.Write(document), now, actor));
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
                db.RequestLetters.Add(Letter(record.Id, baseName + ".pdf", PdfWriter.ContentType, PdfWriter.Write(document, fontPath), now, actor));
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
    }

    /// <summary>The letter names the applicant: stored encrypted like the case's personal data; the hash is of the letter itself.</summary>
    private RequestLetter Letter(long requestId, string name, string type, byte[] data, DateTime at, StaffContext actor) => new()
    {
        Id = Guid.NewGuid(),
        RequestId = requestId,
        FileName = name,
        ContentType = type,
        Data = protector.ProtectFile(data),
        Encrypted = true,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
        CreatedAt = at,
        CreatedByName = actor.UserName,
    };

    private static string StripNumber(string label) => label.Length > 2 && char.IsAsciiDigit(label[0]) && label[1] == '.' ? label[2..] : label;

    private static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>
    /// The letter's lines laid out as a 公文: the first (the applicant) flush left, the body indented, the last two (the
    /// agency and the date) right-aligned. The lines come from the editable template, so its first and last two lines are
    /// read as addressee and signature.
    /// </summary>
    internal static Document LetterDocument(string title, IReadOnlyList<string> lines) => lines.Count < 3
        ? new Document(title, [.. lines.Select(line => new Paragraph(line, Alignment.Right))])
        : Document.Letter(title, lines[0], lines.Skip(1).Take(lines.Count - 3), lines[^2], lines[^1]);
}
