using System.Globalization;
using Gongkai.Application.Accounts;
using Gongkai.Application.Reports;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Demo;

/// <summary>
/// Every demo agency's annual reports (条例第四十九条、第五十条) for <see cref="DemoHistory.FirstYear"/> to last year, made by the
/// path staff take: <see cref="ReportStore"/> generates the draft from the demo's records (sections 三, 四, 第二十条第（一）项 and
/// 六's fee statement, in the year's template), the agency enters the other section 二 cells and writes 一, 五 and 六,
/// it submits through <see cref="ReportWorkflow"/>, and the county's 政务公开办 (the county government's own report: the
/// platform administrator) accepts. The section 二 entries are generated per agency from a fixed seed and continue
/// year to year (the 2019 format's 上一年项目数量 is carried by the store), so no cross-year rule fires.
/// </summary>
public sealed class DemoReports(ReportStore store, ReportWorkflow workflow, ReportPublishing publishing, Platform.PlatformClock clock)
{
    /// <summary>The reason given on submission for any warning that stands (the demo data is generated).</summary>
    public const string WarningReason = "演示数据：提示已逐项核对，数字与记录一致。";

    public async Task<int> LoadAsync(IReadOnlyList<DemoAgency> agencies, int countyId, int firstYear, int lastYear,
        (string Id, string Name) admin, (string Id, string Name) supervisor, int seed, CancellationToken ct = default)
    {
        var made = 0;
        var toPublish = new List<(DemoAgency Agency, int Year, int Version)>();
        var office = new StaffContext(supervisor.Id, supervisor.Name, countyId, new HashSet<string> { StaffRole.Supervisor }, null);
        for (var index = 0; index < agencies.Count; index++)
        {
            var agency = agencies[index];
            var editor = new StaffContext(admin.Id, admin.Name, agency.Id, new HashSet<string> { StaffRole.PlatformAdmin }, null);
            // 主管部门 of the county government's own report is above the demo; the platform administrator stands in for it.
            var reviewer = agency.Id == countyId ? editor : office;
            for (var year = firstYear; year <= lastYear; year++)
            {
                var draft = await store.GenerateDraftAsync(editor, agency.Id, year, ct);
                var edits = new ReportEdits(Section2Entries(draft.Report, agency, seed), Texts(draft.Report, agency, index));
                var saved = await store.SaveDraftAsync(editor, agency.Id, year, draft.Record.Version, edits, ct);
                if (saved.Record.ErrorCount > 0)
                {
                    var errors = saved.Report.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Message);
                    throw new InvalidOperationException($"Demo report {agency.Code} {year} has errors: {string.Join("; ", errors)}");
                }
                var submitted = await workflow.SubmitAsync(editor, agency.Id, year, saved.Record.Version,
                    saved.Record.WarningCount > 0 ? WarningReason : null, ct);
                var accepted = await workflow.AcceptAsync(reviewer, agency.Id, year, submitted.Version, ct);
                toPublish.Add((agency, year, accepted.Version));
                made++;
            }
        }
        await PublishDemoReportsAsync(toPublish, admin, ct);
        return made;
    }

    /// <summary>
    /// The accepted demo reports are published into each agency's 年报 column on time (条例第四十九条: departments by
    /// 31 January, the government by 31 March; townships, which the article does not name, by 31 January as well), as the
    /// agency administrator does. The last year's reports are published today when their deadline is still ahead.
    /// </summary>
    private async Task PublishDemoReportsAsync(List<(DemoAgency Agency, int Year, int Version)> accepted, (string Id, string Name) admin, CancellationToken ct)
    {
        var today = clock.TodayDate;
        foreach (var (agency, year, version) in accepted)
        {
            var publisher = new StaffContext(admin.Id, admin.Name, agency.Id, new HashSet<string> { StaffRole.PlatformAdmin }, null);
            var deadline = ReportDeadline.For(year, agency.Kind)?.ToDateOnly() ?? new DateOnly(year + 1, 1, 31);
            var on = deadline.AddDays(-3 - (agency.Id % 10));
            await publishing.PublishAsync(publisher, agency.Id, year, version, on > today ? today : on, ct);
        }
    }

    /// <summary>
    /// The section 二 cells staff enter (许可, 处罚, 强制, 收费, 集中采购): every cell the generator left unknown. Each
    /// row has a level of its own for the agency that drifts a little from year to year; two rows of a table never
    /// print the same non-zero numbers (that is what a row copied into the wrong line looks like).
    /// </summary>
    private static Dictionary<string, string?> Section2Entries(AnnualReport report, DemoAgency agency, int seed)
    {
        var cells = new Dictionary<string, string?>();
        var scale = agency.Kind switch { AgencyKind.Township => 0.2, AgencyKind.Government => 0.3, _ => 0.4 + 0.15 * agency.Busy };
        foreach (var table in report.Template.Section2.Skip(1))
        {
            var rows = new List<decimal[]>();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var level = new Random(StableSeed(seed, agency.Id, table.Key, row));
                var drift = new Random(StableSeed(seed, agency.Id, table.Key, row, report.Year));
                var values = new decimal[table.Columns.Count];
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    var typical = (double)level.Next(10, 120) * scale / (r + 1);
                    values[c] = column.Label switch
                    {
                        "上一年项目数量" => (decimal)Math.Round(typical / 4),
                        "本年增/减" => drift.Next(-2, 4),
                        "采购总金额" or "本年收费金额（单位：万元）" => Math.Round((decimal)(typical * (0.5 + drift.NextDouble()) * 3.7), 4),
                        _ => (decimal)Math.Round(typical * 4 * (0.8 + 0.4 * drift.NextDouble())),
                    };
                }
                if (rows.Any(earlier => earlier.SequenceEqual(values)) && values.Any(v => v != 0))
                {
                    values[^1] += 1;
                }
                rows.Add(values);
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    if (report.Section2[table.Key, row, column.Label] is null)
                    {
                        // 本年增/减 can never take the count below zero.
                        var value = values[c];
                        if (column.Label == "本年增/减")
                        {
                            var before = report.Section2[table.Key, row, "上一年项目数量"] ?? values[table.Columns.ToList().FindIndex(x => x.Label == "上一年项目数量")];
                            value = Math.Max(value, -before);
                        }
                        cells[ReportCells.Section2Key(table.Key, row, column.Label)] = value.ToString(CultureInfo.InvariantCulture);
                    }
                }
            }
        }
        return cells;
    }

    private static int StableSeed(int seed, int agencyId, string table, string row, int year = 0)
    {
        var h = seed ^ (agencyId * 7919) ^ (year * 104_729);
        foreach (var ch in table + "|" + row)
        {
            h = unchecked(h * 31 + ch);
        }
        return h;
    }

    /// <summary>
    /// 一 (a clearly marked demo paragraph on the year's work, then the draft built from the tables), 五 (problems and
    /// improvements) and 六 (the generated fee statement; the government's report also speaks of 考核, 社会评议 and
    /// 责任追究, 条例第五十条第一款第（四）项). The paragraphs rotate with the year, so no report repeats last year's text.
    /// </summary>
    private static Dictionary<string, string?> Texts(AnnualReport report, DemoAgency agency, int index)
    {
        int Turn(int n) => (report.Year + index) % n;
        var one = string.Join("\n",
            $"（演示数据，以下文字为生成的示例，不对应任何真实机关的工作。）{report.Year}年，{agency.Name}{Proactive[Turn(Proactive.Length)]}",
            Management[Turn(Management.Length)] + Platform[Turn(Platform.Length)] + Oversight[Turn(Oversight.Length)],
            OverviewDraft.For(report) ?? "");
        var five = $"（演示数据）{Problems[Turn(Problems.Length)]}{Measures[Turn(Measures.Length)]}";
        var six = string.Join("\n", new[]
        {
            report.Text["六"],
            agency.Kind == AgencyKind.Government ? Accountability[Turn(Accountability.Length)] : null,
            "（演示数据）本年度无其他需要报告的事项。",
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new Dictionary<string, string?> { ["一"] = one.Trim(), ["五"] = five, ["六"] = six };
    }

    private static readonly string[] Proactive =
    [
        "围绕年度重点工作，及时主动公开规范性文件、财政预决算、重大建设项目和民生实事等信息。",
        "以基层政务公开标准目录为依据，梳理主动公开事项，做到应公开尽公开。",
        "聚焦群众关切，集中公开社会救助、教育、医疗、就业等领域的政策和办理结果。",
        "落实政策解读与文件同步起草、同步审签、同步发布的要求，提升政策知晓度。",
        "加强重大行政决策预公开，重要文件在出台前通过门户网站公开征求意见。",
        "推进决策、执行、管理、服务、结果全过程公开，主动回应社会关切。",
        "围绕优化营商环境，集中公开惠企政策和涉企收费清单，方便企业查询。",
    ];

    private static readonly string[] Management =
    [
        "严格执行公开前保密审查和审核发布制度。",
        "开展规范性文件清理，及时标注有效性并公开清理结果。",
        "建立政府信息公开属性源头认定机制，公文拟制时即明确公开方式。",
        "规范依申请公开办理流程，实行登记、审核、答复全程留痕。",
        "加强政府信息管理动态调整，对历史信息逐条核对更新。",
        "完善信息发布协调机制，防止发布内容前后不一致。",
        "推行依申请公开答复文书模板化，统一答复格式和法律依据的引用。",
    ];

    private static readonly string[] Platform =
    [
        "政府信息公开专栏按标准目录优化了栏目设置。",
        "门户网站集约化建设持续推进。",
        "专栏检索功能得到完善。",
        "政务新媒体与门户网站协同发布。",
        "政府公报电子版同步上网。",
        "政府信息公开平台实现在线申请和进度查询。",
        "无障碍和适老化改造完成。",
    ];

    private static readonly string[] Oversight =
    [
        "监督检查常态化开展。",
        "公开工作接受群众监督和社会评价。",
        "定期开展专栏内容自查，发现问题及时整改。",
        "工作人员业务培训按计划完成。",
        "年度工作要点逐项落实并跟踪督办。",
        "公开工作纳入单位年度目标管理。",
        "工作机构和人员进一步充实。",
    ];

    private static readonly string[] Problems =
    [
        "存在的主要问题：部分栏目更新不够及时，政策解读形式较为单一。",
        "存在的主要问题：依申请公开答复的说理还不够充分，个别文书引用条款不够准确。",
        "存在的主要问题：基层公开事项标准化、规范化程度有待提高。",
        "存在的主要问题：工作人员业务能力参差不齐，培训覆盖面不够。",
        "存在的主要问题：规范性文件有效性标注和清理工作还不够及时。",
        "存在的主要问题：公众参与渠道利用不够充分，意见反馈不够及时。",
        "存在的主要问题：历史信息的整理和归档还不够系统。",
    ];

    private static readonly string[] Measures =
    [
        "改进措施：建立栏目更新责任清单，丰富图表、音视频等解读形式。",
        "改进措施：加强答复文书法制审核，统一引用条例条款。",
        "改进措施：对照标准目录逐项梳理基层公开事项，编制事项清单。",
        "改进措施：分层分类开展业务培训，推动培训覆盖全部工作人员。",
        "改进措施：建立文件有效性动态管理机制，按季度开展清理。",
        "改进措施：完善意见征集和回应机制，及时公开采纳情况。",
        "改进措施：推进历史信息数字化整理，分批次上网公开。",
    ];

    private static readonly string[] Accountability =
    [
        "本年度将政务公开工作纳入县直部门和乡镇绩效考核；通过门户网站和服务窗口开展社会评议，群众评价总体满意；未发生因政府信息公开工作被责任追究的情形。",
        "政务公开工作纳入年度目标考核体系；委托第三方开展社会评议并公开评议结果；对工作落实不力的单位予以通报，未发生需要责任追究的情形。",
        "年度考核中政务公开工作单独设置指标；邀请人大代表、政协委员和群众代表参与社会评议；全年未发生责任追究事项。",
    ];
}
