using Gongkai.Application.Accounts;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Steps;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Demo;

/// <summary>A demo agency as the history and the reports need it.</summary>
/// <param name="Busy">How many applications a year the agency typically gets (the county government and the departments
/// people ask most — land, housing, environment, social security — more than a township).</param>
public sealed record DemoAgency(int Id, string Code, string Name, AgencyKind Kind, int Busy);

/// <summary>
/// The past years of the demo county's applications (依申请公开) and appeals, for the annual reports 2019 – last year:
/// a modest number per agency and year with outcomes of several kinds and every applicant type, some received in late
/// December and answered in January (carried over, 条例第五十条 report section 三 rows 二 and 四), a few 行政复议 and
/// 行政诉讼 — against a case's answer and, through the <see cref="AppealBook"/>, about no single application. Made through
/// the request use cases as staff make them, so the report figures are read from real records. Seeded: the same every load.
/// </summary>
public sealed class DemoHistory(RequestIntake intake, RequestSteps steps, RequestAppealRegister appeals, AppealBook book, PlatformClock clock)
{
    /// <summary>The first report year of the demo: the first year of the 2019 template (国办公开办函〔2019〕60号).</summary>
    public const int FirstYear = 2019;

    /// <summary>The last report year: last year (this year's report is written next January).</summary>
    public int LastYear => clock.TodayDate.Year - 1;

    private static readonly (ApplicantType Type, int Weight)[] ApplicantMix =
    [
        (ApplicantType.NaturalPerson, 78), (ApplicantType.CommercialEnterprise, 12), (ApplicantType.LegalServiceInstitution, 5),
        (ApplicantType.SocialWelfareOrganization, 2), (ApplicantType.ResearchInstitution, 1), (ApplicantType.Other, 2),
    ];

    /// <summary>Outcomes in roughly the proportions county reports show; each with the reason the decision states.</summary>
    private static readonly (RequestOutcome Outcome, int Weight, string Reason)[] OutcomeMix =
    [
        (RequestOutcomes.Disclosed, 38, "经审查，所申请信息属于公开范围，予以公开。"),
        (RequestOutcomes.PartlyDisclosed, 12, "所申请信息中含有个人隐私，作区分处理后予以公开（条例第十五条、第三十七条）。"),
        (RequestOutcomes.NotHeld, 20, "经检索，本机关未制作、获取该信息（条例第三十六条第（四）项）。"),
        (RequestOutcomes.NeedsCreation, 4, "所申请信息需要对现有信息进行加工、分析，本机关不予提供（条例第三十八条）。"),
        (RequestOutcomes.WithheldThirdPartyRights, 3, "所申请信息涉及第三方商业秘密，第三方不同意公开（条例第十五条）。"),
        (RequestOutcomes.WithheldProcessInformation, 3, "所申请信息属于讨论记录等过程性信息（条例第十六条第二款）。"),
        (RequestOutcomes.WithheldInternalAffairs, 2, "所申请信息属于内部管理信息（条例第十六条第一款）。"),
        (RequestOutcomes.WithheldEnforcementFile, 2, "所申请信息属于行政执法案卷信息（条例第十六条第二款）。"),
        (RequestOutcomes.Petition, 5, "申请内容属于信访举报投诉，已告知通过相应渠道提出（条例第三十九条第一款）。"),
        (RequestOutcomes.Repeat, 4, "申请人重复申请同一信息，本机关已作出答复（条例第三十六条第（六）项）。"),
        (RequestOutcomes.Publication, 1, "所申请信息为公开出版物，已告知获取途径（条例第三十九条第二款）。"),
        (RequestOutcomes.ConfirmOrReissue, 2, "申请人要求确认或重新出具已获取的信息，不作为政府信息公开申请处理。"),
        (RequestOutcomes.Other, 4, "申请人撤回申请，本机关终止办理。"),
    ];

    private static readonly string[] Wanted =
    [
        "本县{0}年度城乡居民最低生活保障资金发放情况。",
        "{0}年示例大道拓宽工程的立项批复和征收补偿方案。",
        "本村集体土地征收的批准文件及补偿标准（{0}年）。",
        "县城区老旧小区改造项目（{0}年）的招标文件和中标结果。",
        "{0}年部门预算中“三公”经费的明细。",
        "示例河流域水污染防治项目的环境影响评价批复（{0}年）。",
        "我所在小区违法建设的查处决定书（{0}年）。",
        "本县{0}年义务教育阶段学校划片招生方案。",
        "{0}年高标准农田建设项目的验收资料。",
        "{0}年度企业职工养老保险补贴的发放名单。",
    ];

    /// <summary>Creates every agency's applications and appeals of <see cref="FirstYear"/> to <see cref="LastYear"/>; returns how many applications.</summary>
    public async Task<int> LoadAsync(IReadOnlyList<DemoAgency> agencies, string actorUserId, string actorUserName, int seed, CancellationToken ct = default)
    {
        var made = 0;
        var serial = 1000;
        foreach (var agency in agencies)
        {
            // One generator per agency: the agency's history does not change when another agency's does.
            var rng = new Random(seed + agency.Id);
            var actor = new StaffContext(actorUserId, actorUserName, agency.Id, new HashSet<string> { StaffRole.PlatformAdmin }, null);
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var count = Math.Max(0, agency.Busy + rng.Next(-1, 2));
                for (var i = 0; i < count; i++)
                {
                    // The year's last application sometimes comes in late December and is answered in January (the
                    // county government's always: its reports show the carry-over every year).
                    var lateDecember = i == count - 1 && (agency.Kind == AgencyKind.Government || rng.Next(100) < 40);
                    var receivedOn = lateDecember ? new DateOnly(year, 12, 15 + rng.Next(10)) : new DateOnly(year, 1, 6).AddDays(rng.Next(330));
                    if (await CaseAsync(actor, agency, receivedOn, lateDecember, serial++, rng, ct))
                    {
                        made++;
                    }
                }
                if (agency.Busy >= 4 && rng.Next(100) < 45)
                {
                    await CaselessAppealAsync(actor, agency, year, rng, ct);
                }
            }
        }
        return made;
    }

    /// <summary>One application from receipt to answer, and sometimes the appeals against the answer; false when skipped.</summary>
    private async Task<bool> CaseAsync(StaffContext actor, DemoAgency agency, DateOnly receivedOn, bool carriedOver, int serial, Random rng, CancellationToken ct)
    {
        var today = clock.TodayDate;
        var type = Pick(rng, ApplicantMix, m => m.Weight).Type;
        var (outcome, _, reason) = Pick(rng, OutcomeMix, m => m.Weight);
        var decidedOn = carriedOver ? new DateOnly(receivedOn.Year + 1, 1, 5 + rng.Next(8)) : receivedOn.AddDays(3 + rng.Next(16));
        var answeredOn = decidedOn.AddDays(rng.Next(2));
        if (answeredOn > today)
        {
            return false;
        }
        var input = DemoRequests.Applicant(serial, type);
        input.Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, Wanted[rng.Next(Wanted.Length)], receivedOn.Year - rng.Next(2));
        var (channel, submittedOn, signedForOn) = rng.Next(10) switch
        {
            < 6 => (SubmissionChannel.InPerson, (DateOnly?)receivedOn, (DateOnly?)null),
            < 8 => (SubmissionChannel.RegisteredPost, null, receivedOn),
            _ => (SubmissionChannel.Email, receivedOn, null),
        };
        try
        {
            // An e-mailed application counts from the day its receipt is confirmed (条例第三十一条第（三）项): the same day here.
            var confirmedOn = channel == SubmissionChannel.Email ? submittedOn : null;
            var record = (await intake.RegisterAsync(actor, agency.Id, channel, input, submittedOn, signedForOn, confirmedOn, ct)).Record;
            await steps.DecideAsync(actor, record.Id, outcome.Key, decidedOn, reason, ct);
            await steps.AnswerAsync(actor, record.Id, answeredOn, ct);
            // Applicants who were refused sometimes appeal: mostly 行政复议, now and then straight to court.
            if (outcome != RequestOutcomes.Disclosed && rng.Next(100) < 9)
            {
                await AppealAsync(actor, agency, record.Id, answeredOn, rng, ct);
            }
            return true;
        }
        catch (Exception ex) when (ex is ValidationException or RequestWorkflowException or CalendarNotCoveredException)
        {
            // A date the calendar cannot place (a year whose 节假日 notice is not entered): the case is left out.
            return false;
        }
    }

    private async Task AppealAsync(StaffContext actor, DemoAgency agency, long requestId, DateOnly answeredOn, Random rng, CancellationToken ct)
    {
        var today = clock.TodayDate;
        var direct = rng.Next(4) == 0;
        var kind = direct ? AppealKind.LitigationDirect : AppealKind.Reconsideration;
        var filedOn = answeredOn.AddDays(20 + rng.Next(40));
        if (filedOn > today)
        {
            return;
        }
        var appeal = await appeals.AddAppealAsync(actor, requestId, kind, filedOn, Body(agency, kind), CaseNumber(kind, filedOn, requestId), ct);
        var concludedOn = filedOn.AddDays(direct ? 90 + rng.Next(120) : 40 + rng.Next(30));
        if (concludedOn > today)
        {
            return; // still 尚未审结
        }
        var result = Result(rng);
        await appeals.ConcludeAppealAsync(actor, appeal.Id, result, concludedOn, result == AppealResult.Corrected ? "责令重新答复。" : "维持原答复。", ct);
        // After a 复议 the applicant sometimes goes to court (复议后起诉).
        var suedOn = concludedOn.AddDays(10 + rng.Next(5));
        if (!direct && rng.Next(3) == 0 && suedOn <= today)
        {
            var lawsuit = await appeals.AddAppealAsync(actor, requestId, AppealKind.LitigationAfterReconsideration, suedOn,
                Body(agency, AppealKind.LitigationAfterReconsideration), CaseNumber(AppealKind.LitigationAfterReconsideration, suedOn, requestId), ct);
            var judgedOn = suedOn.AddDays(100 + rng.Next(60));
            if (judgedOn <= today)
            {
                await appeals.ConcludeAppealAsync(actor, lawsuit.Id, AppealResult.Upheld, judgedOn, "驳回诉讼请求。", ct);
            }
        }
    }

    /// <summary>A 复议 about the agency's proactive disclosure, not about one application (entered in the appeals book).</summary>
    private async Task CaselessAppealAsync(StaffContext actor, DemoAgency agency, int year, Random rng, CancellationToken ct)
    {
        var today = clock.TodayDate;
        var filedOn = new DateOnly(year, 3, 1).AddDays(rng.Next(240));
        var concludedOn = filedOn.AddDays(45 + rng.Next(30));
        if (filedOn > today)
        {
            return;
        }
        var done = concludedOn <= today;
        await book.AddAsync(actor, new AppealInput(agency.Id, null, AppealKind.Reconsideration, filedOn, Body(agency, AppealKind.Reconsideration),
            CaseNumber(AppealKind.Reconsideration, filedOn, agency.Id * 100 + year % 100),
            $"申请人认为{agency.Name}未依法主动公开{year}年征收补偿信息（演示）", done ? Result(rng) : AppealResult.Pending,
            done ? concludedOn : null, done ? "复议决定已送达。" : null), ct);
    }

    private static AppealResult Result(Random rng) => rng.Next(10) switch
    {
        < 6 => AppealResult.Upheld,
        < 8 => AppealResult.Corrected,
        _ => AppealResult.Other,
    };

    /// <summary>The 复议机关 of a county department and of the county government; the court of first instance.</summary>
    private static string Body(DemoAgency agency, AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => agency.Kind == AgencyKind.Government ? "示例市人民政府" : "示例县人民政府",
        _ => "示例县人民法院",
    };

    private static string CaseNumber(AppealKind kind, DateOnly filedOn, long n) =>
        kind == AppealKind.Reconsideration ? $"示复〔{filedOn.Year}〕演示{n}号" : $"（{filedOn.Year}）示行初演示{n}号";

    private static T Pick<T>(Random rng, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = rng.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }
        return items[^1];
    }
}
