using Gongkai.Application.Accounts;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Gongkai.Application.Requests.Appeals;
using Gongkai.Application.Requests.Fees;
using Gongkai.Application.Requests.Intake;
using Gongkai.Application.Requests.Steps;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Demo;

/// <summary>
/// Applications (依申请公开) for the demo county in the states a clerk meets, made through the request use cases (<see cref="RequestIntake"/>, <see cref="RequestSteps"/>, …) the
/// way staff make them, so the timelines, audit log, dashboard and report figures are the real thing. Dates are relative to
/// today. Applicants are fictional (演示申请人…) with generated, check-digit-valid numbers.
/// </summary>
public sealed class DemoRequests(RequestIntake intake, RequestSteps steps, RequestFees fees, RequestAppealRegister appeals, PlatformClock clock)
{
    private static readonly string[] Wanted =
    [
        "本县2024年度城乡居民最低生活保障资金发放情况。",
        "示例大道拓宽工程的立项批复和征收补偿方案。",
        "本村集体土地征收的批准文件及补偿标准。",
        "县城区老旧小区改造项目的招标文件和中标结果。",
        "本县2025年部门预算中“三公”经费的明细。",
        "示例河流域水污染防治项目的环境影响评价批复。",
        "我所在小区违法建设的查处决定书。",
        "本县义务教育阶段学校划片招生方案。",
    ];

    /// <summary>Creates the demo cases in <paramref name="clerk"/>'s agency; returns how many were made.</summary>
    public async Task<int> LoadAsync(StaffContext clerk, string agencyCode, CancellationToken ct = default)
    {
        var today = clock.TodayDate;
        DateOnly Ago(int days) => today.AddDays(-days);
        var made = 0;
        var serial = 0;

        async Task Try(Func<Task> steps)
        {
            try
            {
                await steps();
                made++;
            }
            catch (Exception ex) when (ex is ValidationException or RequestWorkflowException or CalendarNotCoveredException)
            {
                // A date today's calendar cannot place (a due date in a year whose notice is not entered yet): skip the case.
            }
        }

        Task<RequestRecord> InPerson(int daysAgo, ApplicantType type = ApplicantType.NaturalPerson) =>
            Register(SubmissionChannel.InPerson, Ago(daysAgo), null, type);

        async Task<RequestRecord> Register(SubmissionChannel channel, DateOnly? submittedOn, DateOnly? signedForOn, ApplicantType type = ApplicantType.NaturalPerson)
        {
            var input = Applicant(serial++, type);
            return (await intake.RegisterAsync(clerk, clerk.AgencyId, channel, input, submittedOn, signedForOn, null, ct)).Record;
        }

        // Answered: disclosed.
        await Try(async () =>
        {
            var r = await InPerson(70);
            await steps.DecideAsync(clerk, r.Id, RequestOutcomes.Disclosed.Key, Ago(60), "经审查，所申请信息属于公开范围。", ct);
            await steps.AnswerAsync(clerk, r.Id, Ago(59), ct);
        });
        // Answered: partly disclosed, then 行政复议 upheld (维持).
        await Try(async () =>
        {
            var r = await InPerson(120);
            await steps.DecideAsync(clerk, r.Id, RequestOutcomes.PartlyDisclosed.Key, Ago(100), "名单中的个人身份证号码、住址属于个人隐私，作区分处理后提供（条例第十五条、第三十七条）。", ct);
            await steps.AnswerAsync(clerk, r.Id, Ago(99), ct);
            var appeal = await appeals.AddAppealAsync(clerk, r.Id, AppealKind.Reconsideration, Ago(80), "示例市人民政府", "示复〔演示〕1号", ct);
            await appeals.ConcludeAppealAsync(clerk, appeal.Id, AppealResult.Upheld, Ago(40), "维持原答复。", ct);
        });
        // Answered: not held, then a lawsuit still pending (尚未审结).
        await Try(async () =>
        {
            var r = await InPerson(150);
            await steps.DecideAsync(clerk, r.Id, RequestOutcomes.NotHeld.Key, Ago(130), "经检索，本机关未制作、获取该信息。", ct);
            await steps.AnswerAsync(clerk, r.Id, Ago(129), ct);
            await appeals.AddAppealAsync(clerk, r.Id, AppealKind.LitigationDirect, Ago(100), "示例县人民法院", "（演示）行初1号", ct);
        });
        // Running: fresh, due soon, overdue, and decided but not yet served.
        await Try(() => InPerson(3));
        await Try(() => InPerson(24));
        await Try(() => InPerson(36));
        await Try(async () =>
        {
            var r = await InPerson(20);
            await steps.DecideAsync(clerk, r.Id, RequestOutcomes.Disclosed.Key, Ago(2), "经审查，所申请信息属于公开范围。", ct);
        });
        // 补正: waiting, lapsed (to be closed), and closed as abandoned.
        await Try(async () =>
        {
            var r = await InPerson(6);
            await steps.RequestCorrectionAsync(clerk, r.Id, Ago(5), today.AddDays(10), "请写明所需信息的年份和项目名称。", ct);
        });
        await Try(async () =>
        {
            var r = await InPerson(30);
            await steps.RequestCorrectionAsync(clerk, r.Id, Ago(29), Ago(14), "请写明所需信息的具体地块。", ct);
        });
        await Try(async () =>
        {
            var r = await InPerson(60);
            await steps.RequestCorrectionAsync(clerk, r.Id, Ago(59), Ago(45), "请写明所需信息的文件名称或文号。", ct);
            await steps.CloseForNoCorrectionAsync(clerk, r.Id, ct);
        });
        // Consulting a third party; extended; a fee notice awaiting payment.
        await Try(async () =>
        {
            var r = await InPerson(12);
            await steps.StartConsultationAsync(clerk, r.Id, PauseKind.ThirdPartyConsultation, Ago(9), "示例建设有限公司（演示）", ct);
        });
        await Try(async () =>
        {
            var r = await InPerson(27);
            await steps.ExtendAsync(clerk, r.Id, Ago(17), 15, "演示主任", "涉及多个年度的档案，需要调取汇总。", ct);
        });
        await Try(async () =>
        {
            var r = await InPerson(10, ApplicantType.CommercialEnterprise);
            await fees.IssueFeeNoticeAsync(clerk, r.Id, Ago(8), FeeMethod.PerItem, 12, ct);
        });
        // By registered post, signed for four days ago; and one submitted online today, waiting for confirmation.
        await Try(() => Register(SubmissionChannel.RegisteredPost, null, Ago(4)));
        await Try(async () => await intake.SubmitOnlineAsync(agencyCode, Applicant(serial++, ApplicantType.NaturalPerson), null, null, ct));
        return made;
    }

    /// <summary>A fictional applicant (演示申请人… / 示例演示有限公司…) with a check-digit-valid number; <paramref name="n"/> varies it.</summary>
    internal static RequestForm Applicant(int n, ApplicantType type)
    {
        var natural = type == ApplicantType.NaturalPerson;
        return new RequestForm
        {
            ApplicantType = type,
            Name = natural ? $"演示申请人{"甲乙丙丁戊己庚辛壬癸"[n % 10]}{n / 10 + 1}" : $"示例演示有限公司{n + 1}",
            ContactPerson = natural ? null : "演示联系人",
            IdNumber = natural
                ? IdentityNumbers.CompleteResidentId($"1101051980{(n % 12) + 1:00}{(n % 28) + 1:00}{n % 1000:000}")
                : IdentityNumbers.CompleteCreditCode($"91110000{n % 1_000_000_000:000000000}"),
            Phone = $"1390000{n:0000}",
            Address = $"示例县示例大道{n + 1}号（演示地址）",
            Description = Wanted[n % Wanted.Length],
            WantedForm = "电子文档",
            Delivery = n % 2 == 0 ? "在线获取" : "电子邮件",
            Email = n % 2 == 0 ? null : $"applicant{n}@example.invalid",
        };
    }
}
