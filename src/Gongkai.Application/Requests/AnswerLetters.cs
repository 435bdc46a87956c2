using Gongkai.Application.Accounts;
using Gongkai.Application.Accounts.Permissions;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests.Letters;
using Gongkai.Documents;
using Gongkai.Domain.Requests;
using Gongkai.Domain.Requests.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Requests;

/// <summary>
/// The answer letter (政府信息公开申请答复告知书, 条例第三十六条) from an editable template per outcome group, as Word and PDF,
/// numbered and stored with the case (see <see cref="CaseLetters"/>) and offered on the public tracking page.
/// Placeholders: {申请人} {查询码} {收到日期} {申请内容} {答复结论} {法律依据} {处理决定} {理由} {提供方式} {救济途径} {机关} {答复日期}.
/// {法律依据} is the outcome's article written out in full; {处理决定} what the agency does (for 条例第三十六条第（七）项
/// it directs the applicant to the other law's procedure instead of refusing); {提供方式} the 方式、途径和时间 of providing
/// the information; {救济途径} the remedies for the letter's outcome and date (复议前置 since 2024, <see cref="RemedyNotice"/>).
/// </summary>
public sealed class AnswerLetters(GongkaiDbContext db, AuditLog audit, PlatformClock clock, CaseLetters letters)
{
    /// <summary>File names of 收费通知书 start with this; answer letters with 答复告知书.</summary>
    public const string FeeNoticePrefix = CaseLetters.FeeNoticePrefix;

    /// <summary>The closing of templates seeded before the remedies depended on the date: replaced by {救济途径} when filled.</summary>
    private const string OldClosing = "如对本答复不服，可以在收到本告知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼（条例第五十一条）。";

    /// <summary>Default templates, one per outcome group, following the 条例第三十六条 answer types.</summary>
    public static IReadOnlyDictionary<OutcomeGroup, string> DefaultBodies { get; } = new Dictionary<OutcomeGroup, string>
    {
        [OutcomeGroup.Disclosed] = Body("经审查，您申请获取的信息属于公开范围，根据{法律依据}的规定，{处理决定}。{提供方式}"),
        [OutcomeGroup.PartlyDisclosed] = Body("经审查，您申请获取的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{法律依据}的规定，{处理决定}；对不予公开的部分，理由如下：{理由}\n{提供方式}"),
        [OutcomeGroup.Withheld] = Body("经审查，您申请获取的信息{答复结论}。根据{法律依据}的规定，{处理决定}。理由如下：{理由}"),
        [OutcomeGroup.CannotProvide] = Body("经审查，{答复结论}。根据{法律依据}的规定，{处理决定}。说明如下：{理由}"),
        [OutcomeGroup.NotProcessed] = Body("经审查，您的申请属于“{答复结论}”的情形。根据{法律依据}的规定，{处理决定}。说明如下：{理由}"),
        [OutcomeGroup.OtherHandling] = Body("经审查，您的申请属于“{答复结论}”的情形。根据{法律依据}的规定，{处理决定}。{理由}"),
    };

    private static string Body(string middle) =>
        "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（查询码：{查询码}），申请获取：{申请内容}\n"
        + middle + "\n{救济途径}\n{机关}\n{答复日期}";

    /// <summary>Seeds missing defaults; returns the templates in group order.</summary>
    public Task<List<AnswerTemplate>> TemplatesAsync(CancellationToken ct = default) => AnswerTemplates.SeedAsync(db, clock, ct);

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

    /// <summary>Fills the template for the case's outcome and stores the numbered .docx and .pdf with the case.</summary>
    public Task GenerateAsync(StaffContext actor, long requestId, CancellationToken ct = default) =>
        letters.GenerateAsync(actor, requestId, LetterKind.Answer, ct);

    /// <summary>The 收费通知书 of a case charged a 信息处理费 (see <see cref="FeeNoticeText"/>), numbered and stored with the case.</summary>
    public Task GenerateFeeNoticeAsync(StaffContext actor, long requestId, CancellationToken ct = default) =>
        letters.GenerateAsync(actor, requestId, LetterKind.FeeNotice, ct);

    /// <summary>The template's lines with the case filled in: the first is the addressee, the last two the signature.</summary>
    internal static LetterText Compose(AnswerTemplate template, LetterFacts f, DateOnly date)
    {
        var record = f.Record;
        var outcome = f.Outcome!;
        var remedies = RemedyNotice.For(outcome.Group, date, f.ReviewBody).Sentence;
        var values = new Dictionary<string, string>
        {
            ["{申请人}"] = f.ApplicantName,
            ["{查询码}"] = record.TrackingCode,
            ["{收到日期}"] = LetterTexts.ChineseDate(record.ReceivedOn ?? date),
            ["{申请内容}"] = LetterTexts.Sentence(record.Description),
            ["{答复结论}"] = outcome.Group switch
            {
                OutcomeGroup.Disclosed => "予以公开",
                OutcomeGroup.PartlyDisclosed => "部分公开",
                _ => StripNumber(outcome.Label),
            },
            ["{法律依据}"] = outcome.Citation,
            ["{处理决定}"] = outcome.Disposition,
            ["{理由}"] = LetterTexts.Sentence(record.DecisionReason ?? ""),
            ["{提供方式}"] = Provision(record),
            ["{救济途径}"] = remedies,
            ["{机关}"] = f.Agency.Name,
            ["{答复日期}"] = LetterTexts.ChineseDate(date),
        };
        var body = template.Body.Replace(OldClosing, "{救济途径}", StringComparison.Ordinal);
        var filled = values.Aggregate(body, (text, kv) => text.Replace(kv.Key, kv.Value, StringComparison.Ordinal));
        var lines = filled.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (!body.Contains("{救济途径}", StringComparison.Ordinal))
        {
            // A template edited without the placeholder still tells the applicant the remedies (条例第三十六条 answers are 行政行为).
            lines.Insert(Math.Max(1, lines.Count - 2), remedies);
        }
        var paragraphs = lines.Count < 3 ? lines : lines.Skip(1).Take(lines.Count - 3).ToList();
        return new(lines.Count < 3 ? f.ApplicantName + "：" : lines[0], [.. paragraphs.Select(l => new Paragraph(l, FirstLineIndent: true))]);
    }

    /// <summary>条例第四十条 and the letter's 方式、途径和时间: the form asked for, how it reaches the applicant, and when.</summary>
    private static string Provision(RequestRecord record)
    {
        var form = string.IsNullOrWhiteSpace(record.WantedForm) ? "" : $"以“{record.WantedForm.Trim()}”形式，";
        var how = string.IsNullOrWhiteSpace(record.Delivery) ? "按您选择的方式" : $"通过“{record.Delivery.Trim()}”的方式";
        return $"所申请信息{form}{how}提供，与本告知书一并送达；选择在线获取的，可以自本告知书送达之日起凭查询码和查询密码在本平台下载。";
    }

    private static string StripNumber(string label) => label.Length > 2 && char.IsAsciiDigit(label[0]) && label[1] == '.' ? label[2..] : label;
}
