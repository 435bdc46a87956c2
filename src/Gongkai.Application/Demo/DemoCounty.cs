using Gongkai.Application.Accounts;
using Gongkai.Application.Agencies;
using Gongkai.Application.Audit;
using Gongkai.Application.Catalog;
using Gongkai.Application.Data;
using Gongkai.Application.Platform;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Demo;

/// <summary>What loading the demo county produced, including the sign-in for its administrator.</summary>
public sealed record DemoResult(int Agencies, int Items, string AdminUserName, string AdminPassword)
{
    public int Columns { get; init; }
    /// <summary>Applications (依申请公开) created in the demo county government, in the states a clerk meets.</summary>
    public int Requests { get; init; }
    /// <summary>Annual reports made for every agency and every year from 2019 to last year.</summary>
    public int Reports { get; init; }
    /// <summary>All demo staff accounts (they share <see cref="AdminPassword"/>).</summary>
    public IReadOnlyList<string> StaffUserNames { get; init; } = [];
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// Loads 示例县: a clearly labelled, generated county (county government, departments, townships, items over several
/// years in every column). No real names. Only on an empty platform.
/// </summary>
public sealed class DemoCounty(
    GongkaiDbContext db,
    PlatformSetupService setup,
    AgencyService agencies,
    AuditLog audit,
    Changes.ChangeFeed changes,
    PlatformClock clock,
    DemoRequests demoRequests,
    DemoHistory demoHistory,
    DemoReports demoReports)
{
    public const string AdminUserName = "demo-admin";
    /// <summary>The one password of every demo account; it is printed on the setup page and in the CLI: demo data only.</summary>
    public const string AdminPassword = "Demo-Gongkai-2026";
    public const string PlatformName = "示例县政府信息公开平台（演示数据）";
    public const string CountyCode = "SLX000001";

    /// <summary>First year of generated items: the first year of the demo's annual reports (规范性文件 issued and repealed since).</summary>
    public const int FirstYear = DemoHistory.FirstYear;

    /// <summary>
    /// Applications a year an agency typically gets: the county government and the departments people ask most (land,
    /// housing, environment, social security, police) more; a department not named here about one; a township fewer.
    /// </summary>
    private static readonly Dictionary<string, int> BusyDepartments = new()
    {
        ["自然资源局"] = 4, ["住房和城乡建设局"] = 4, ["生态环境局"] = 3, ["人力资源和社会保障局"] = 3, ["公安局"] = 3,
        ["农业农村局"] = 2, ["民政局"] = 2, ["财政局"] = 2, ["教育局"] = 2, ["市场监督管理局"] = 2,
    };

    /// <summary>Demo staff of the county government, one per role.</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string[] Roles)> StaffAccounts { get; } =
    [
        (AdminUserName, "演示管理员", [StaffRole.PlatformAdmin, StaffRole.AgencyAdmin]),
        ("demo-editor", "演示编辑", [StaffRole.Editor]),
        ("demo-reviewer", "演示审核员", [StaffRole.Reviewer]),
        ("demo-supervisor", "演示政务公开办", [StaffRole.Supervisor]),
    ];

    /// <summary>(name suffix, 文号代字) of a county's departments; also used for benchmark data sets.</summary>
    public static IReadOnlyList<(string Name, string DocNoPrefix)> Departments { get; } =
    [
        ("人民政府办公室", "示政办发"), ("发展和改革局", "示发改发"), ("教育局", "示教发"), ("科学技术局", "示科发"),
        ("工业和信息化局", "示工信发"), ("公安局", "示公发"), ("民政局", "示民发"), ("司法局", "示司发"),
        ("财政局", "示财发"), ("人力资源和社会保障局", "示人社发"), ("自然资源局", "示自然资发"), ("生态环境局", "示环发"),
        ("住房和城乡建设局", "示住建发"), ("交通运输局", "示交发"), ("水利局", "示水发"), ("农业农村局", "示农发"),
        ("商务局", "示商发"), ("文化和旅游局", "示文旅发"), ("卫生健康局", "示卫健发"), ("退役军人事务局", "示退役发"),
        ("应急管理局", "示应急发"), ("审计局", "示审发"), ("市场监督管理局", "示市监发"), ("统计局", "示统发"),
        ("医疗保障局", "示医保发"), ("林业局", "示林发"), ("城市管理局", "示城管发"), ("行政审批服务局", "示审批发"),
        ("乡村振兴局", "示振兴发"), ("信访局", "示信访发"),
    ];

    private static readonly string[] Townships =
    [
        "城关镇", "东河乡", "西岭镇", "南湖乡", "北山镇", "新桥镇", "石门乡", "青河镇", "白沙乡", "柳林镇",
        "高坪乡", "双河镇", "平安乡", "红星镇", "马场乡",
    ];

    /// <summary>基层政务公开标准目录 entries added under 法定主动公开内容 for townships (key, name).</summary>
    public static IReadOnlyList<(string Key, string Name)> TownshipCatalogColumns { get; } =
    [
        ("jc-farm-subsidy", "涉农补贴"),
        ("jc-disaster-relief", "救灾"),
        ("jc-elderly-care", "养老服务"),
        ("jc-public-culture", "公共文化服务"),
    ];

    public async Task<DemoResult> LoadAsync(int itemsPerAgency = 80, int seed = 20260101, CancellationToken ct = default)
    {
        // Only on an empty platform (SetUpAsync refuses otherwise), with no one signed in: builds every agency's records.
        using var unrestricted = db.AgencyScope.Unrestricted(ScopeOptOut.PlatformSetup);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var rng = new Random(seed);
        var county = await setup.SetUpAsync(new SetupInput(PlatformName, CountyCode, "示例县人民政府", AgencyKind.Government,
            AdminUserName, "演示管理员", AdminPassword), ct);
        var settings = await db.PlatformSettings.SingleAsync(ct);
        settings.IsDemo = true;
        var countyRow = await db.Agencies.SingleAsync(a => a.Id == county.Id, ct);
        ApplyContact(countyRow, "示例县人民政府办公室", 0);
        countyRow.Functions = "演示数据：示例县人民政府是生成的示例单位，不对应任何真实地方。";
        await db.SaveChangesAsync(ct);

        var system = StaffContext.System(county.Id);
        var generated = new List<(Agency Agency, string DocNoPrefix)> { (countyRow, "示政发") };
        for (var i = 0; i < Departments.Count; i++)
        {
            var (name, prefix) = Departments[i];
            var a = await agencies.CreateAsync(system, Contact(new NewAgency($"SLX-D{i + 1:00}", "示例县" + name, AgencyKind.Department, county.Id), name, i + 1), ct);
            generated.Add((a, prefix));
        }
        for (var i = 0; i < Townships.Length; i++)
        {
            var name = Townships[i];
            var a = await agencies.CreateAsync(system, Contact(new NewAgency($"SLX-T{i + 1:00}", "示例县" + name + "人民政府", AgencyKind.Township, county.Id), name + "党政办公室", 40 + i), ct);
            generated.Add((a, "示" + name[..2] + "政发"));
            var statutory = await db.Columns.Where(c => c.AgencyId == a.Id && c.Key == StandardColumns.Statutory).Select(c => c.Id).SingleAsync(ct);
            foreach (var (key, columnName) in TownshipCatalogColumns)
            {
                await agencies.AddColumnAsync(system, a.Id, statutory, key, columnName, ct);
            }
        }

        var staff = new Dictionary<string, string>();
        foreach (var (userName, displayName, roles) in StaffAccounts)
        {
            staff[userName] = userName == AdminUserName
                ? await db.Users.Where(u => u.UserName == AdminUserName).Select(u => u.Id).SingleAsync(ct)
                : (await setup.CreateUserAsync(userName, displayName, AdminPassword, county.Id, roles)).Id;
        }

        db.ChangeTracker.Clear();
        var itemCount = await InsertItemsAsync(generated, itemsPerAgency, rng, staff["demo-editor"], staff["demo-reviewer"], settings.IndexNoFormat, ct);
        var columnCount = await db.Columns.CountAsync(ct);
        db.ChangeTracker.Clear();
        var clerk = new StaffContext(staff["demo-editor"], "demo-editor", county.Id, new HashSet<string> { StaffRole.Editor }, null);
        var requestCount = await demoRequests.LoadAsync(clerk, CountyCode, ct);
        var demoAgencies = generated.Select(g => new DemoAgency(g.Agency.Id, g.Agency.Code, g.Agency.Name, g.Agency.Kind, Busy(g.Agency))).ToList();
        requestCount += await demoHistory.LoadAsync(demoAgencies, staff[AdminUserName], AdminUserName, seed, ct);
        db.ChangeTracker.Clear();
        var reportCount = await demoReports.LoadAsync(demoAgencies, county.Id, DemoHistory.FirstYear, demoHistory.LastYear,
            (staff[AdminUserName], AdminUserName), (staff["demo-supervisor"], "demo-supervisor"), seed, ct);
        db.ChangeTracker.Clear();
        audit.Record(system, "demo.load", "Platform", 1,
            $"载入演示数据“示例县”：{generated.Count}个单位，{columnCount}个栏目，{itemCount}条信息，{requestCount}件政府信息公开申请，{reportCount}份年度报告，随机种子{seed}", county.Id);
        // The items went in as batches, past ItemService: one Reset record instead of one per item.
        changes.Reset("demo.load");
        await db.SaveChangesAsync(ct);
        return new DemoResult(generated.Count, itemCount, AdminUserName, AdminPassword)
        {
            Columns = columnCount,
            Requests = requestCount,
            Reports = reportCount,
            StaffUserNames = StaffAccounts.Select(s => s.UserName).ToList(),
            Elapsed = started.Elapsed,
        };
    }

    private static int Busy(Agency a) => a.Kind switch
    {
        AgencyKind.Government => 6,
        AgencyKind.Department => BusyDepartments.GetValueOrDefault(a.Name.Replace("示例县", "", StringComparison.Ordinal), 1),
        _ => 0,
    };

    private static NewAgency Contact(NewAgency a, string office, int n) => a with
    {
        OfficeName = office,
        Address = $"示例县示例大道{n + 1}号（演示地址）",
        PostalCode = "000000",
        OfficeHours = "工作日 上午8:30—12:00，下午14:30—17:30",
        Phone = "0000-0000000",
        Fax = "0000-0000001",
        Email = $"demo{n + 1}@example.invalid",
        Functions = $"演示数据：{a.Name}是生成的示例单位，不对应任何真实机关。",
    };

    private static void ApplyContact(Agency a, string office, int n)
    {
        var c = Contact(new NewAgency(a.Code, a.Name, a.Kind, a.ParentId), office, n);
        a.OfficeName = c.OfficeName;
        a.Address = c.Address;
        a.PostalCode = c.PostalCode;
        a.OfficeHours = c.OfficeHours;
        a.Phone = c.Phone;
        a.Fax = c.Fax;
        a.Email = c.Email;
    }

    /// <summary>The 年报 column: it holds the agency's published annual reports (<see cref="DemoReports"/>), not generated items.</summary>
    private const string AnnualReportsColumn = StandardColumns.AnnualReports;

    /// <summary>
    /// Items for every leaf column of every agency (but 年报), dated from <see cref="FirstYear"/> to today. Inserted with change detection off in batches;
    /// links (替代文件, 被解读文件) are set in a second pass once the ids exist.
    /// </summary>
    private async Task<int> InsertItemsAsync(List<(Agency Agency, string DocNoPrefix)> generated, int itemsPerAgency, Random rng,
        string editorId, string reviewerId, string indexNoFormat, CancellationToken ct)
    {
        var today = clock.TodayDate;
        var from = new DateOnly(FirstYear, 1, 1);
        var gen = new CatalogTextGenerator(rng, new IndexNumberFormat(indexNoFormat));
        var columns = await db.Columns.AsNoTracking().ToListAsync(ct);
        var parents = columns.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).ToHashSet();
        var leavesByAgency = columns.Where(c => !parents.Contains(c.Id)).GroupBy(c => c.AgencyId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.SortOrder).ToList());

        var all = new List<Item>();
        var replacedBy = new List<(Item Old, Item New)>();
        var interprets = new List<(Item Interpretation, Item Document)>();
        foreach (var (agency, prefix) in generated)
        {
            var ga = new GeneratedAgency(agency.Id, agency.Code, agency.Name, prefix);
            var leaves = leavesByAgency[agency.Id];
            // Every column gets at least one item (two when there is room); the rest go anywhere, favouring documents.
            var plan = new List<(Column Column, DateOnly FormedOn)>();
            var filled = leaves.Where(c => c.Key != AnnualReportsColumn).ToList();
            var perColumn = itemsPerAgency >= 2 * filled.Count ? 2 : 1;
            foreach (var c in filled)
            {
                for (var k = 0; k < perColumn; k++)
                {
                    plan.Add((c, gen.Day(from, today)));
                }
            }
            var documents = leaves.First(c => c.Key == "art20-01");
            while (plan.Count < itemsPerAgency)
            {
                plan.Add((rng.Next(4) == 0 ? documents : gen.Pick(filled), gen.Day(from, today)));
            }
            // Serials follow the order in which information was formed, as they would in real use.
            plan.Sort((x, y) => x.FormedOn.CompareTo(y.FormedOn));

            var normative = new List<Item>();
            foreach (var (column, formedOn) in plan)
            {
                var gc = new GeneratedColumn(column.Id, column.Key, column.Name);
                var item = NewItem(gen, ga, gc, formedOn, today, editorId, reviewerId);
                if (CatalogTextGenerator.IsNormativeColumn(column.Key))
                {
                    var earlier = normative.Where(d => d.Status == ItemStatus.Published && d.PublishedOn < formedOn).ToList();
                    if (earlier.Count > 0 && rng.Next(100) < 30)
                    {
                        var doc = gen.Pick(earlier);
                        item.DocumentKind = DocumentKind.PolicyInterpretation;
                        item.InterpretationForm = (InterpretationForm)rng.Next(1, 7);
                        item.Title = gen.InterpretationTitle(doc.Title, item.InterpretationForm);
                        item.BodyHtml = gen.BodyHtml(item.Title, ga, formedOn, rng.Next(2, 5));
                        interprets.Add((item, doc));
                    }
                    else
                    {
                        MakeNormative(gen, ga, item, today, normative, replacedBy);
                        normative.Add(item);
                    }
                }
                else if (item.Title.Contains("通知", StringComparison.Ordinal))
                {
                    item.DocNo = gen.NextDocNo(ga, formedOn.Year);
                    item.WrittenOn = formedOn;
                }
                all.Add(item);
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in all.Chunk(1000))
            {
                db.Items.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }
            foreach (var (old, replacement) in replacedBy)
            {
                old.ReplacedById = replacement.Id;
            }
            foreach (var (interpretation, document) in interprets)
            {
                interpretation.InterpretsId = document.Id;
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
        return all.Count;
    }

    private static Item NewItem(CatalogTextGenerator gen, GeneratedAgency ga, GeneratedColumn column, DateOnly formedOn, DateOnly today,
        string editorId, string reviewerId)
    {
        var rng = gen.Random;
        var (serial, indexNo) = gen.NextIndexNo(ga, formedOn.Year);
        var title = gen.Title(ga, column, formedOn.Year);
        // Recent information is more often still in the workflow; older information is almost always published.
        var recent = today.DayNumber - formedOn.DayNumber < 30;
        var roll = rng.Next(100);
        var status = recent
            ? roll switch { < 25 => ItemStatus.Draft, < 45 => ItemStatus.PendingReview, < 50 => ItemStatus.Returned, _ => ItemStatus.Published }
            : roll switch { < 2 => ItemStatus.Draft, < 4 => ItemStatus.PendingReview, < 6 => ItemStatus.Withdrawn, _ => ItemStatus.Published };
        var createdAt = ToUtc(formedOn, 9 + rng.Next(8), rng.Next(60));
        var item = new Item
        {
            AgencyId = ga.Id,
            ColumnId = column.Id,
            Year = formedOn.Year,
            Serial = serial,
            IndexNo = indexNo,
            Title = title,
            PublishingOrg = ga.Name,
            FormedOn = formedOn,
            WrittenOn = formedOn,
            TopicCategory = column.Name.Length <= 20 ? column.Name : null,
            DisclosureMode = status == ItemStatus.Draft && rng.Next(2) == 0 ? DisclosureMode.Undecided : DisclosureMode.Proactive,
            DisclosureScope = "面向全社会",
            Summary = title.Length > 60 ? title[..60] : title,
            BodyHtml = gen.BodyHtml(title, ga, formedOn, rng.Next(2, 7)),
            Status = status,
            AuthorId = editorId,
            Version = 1,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        if (status is ItemStatus.Published or ItemStatus.Withdrawn)
        {
            var published = formedOn.AddDays(rng.Next(0, 20));
            item.PublishedOn = published > today ? today : published;
            item.PublishedAt = ToUtc(item.PublishedOn.Value, 10 + rng.Next(7), rng.Next(60));
            item.UpdatedAt = item.PublishedAt.Value;
            item.ReviewerId = reviewerId;
            item.SecrecyReviewed = true;
            item.ReviewNote = "同意公开。";
            item.Version = 3;
        }
        if (status == ItemStatus.Withdrawn)
        {
            item.WithdrawReason = "信息已过时效，予以撤回。";
            item.Version = 4;
        }
        if (status == ItemStatus.Returned)
        {
            item.ReviewerId = reviewerId;
            item.ReviewNote = "请补充内容概述并核对文号后重新提交。";
            item.Version = 2;
        }
        return item;
    }

    /// <summary>A 规范性文件 with 文号 and 有效性; some older ones lapsed, some repealed and replaced by a newer one.</summary>
    private static void MakeNormative(CatalogTextGenerator gen, GeneratedAgency ga, Item item, DateOnly today, List<Item> earlier,
        List<(Item Old, Item New)> replacedBy)
    {
        var rng = gen.Random;
        item.DocumentKind = DocumentKind.NormativeDocument;
        item.DocNo = gen.NextDocNo(ga, item.FormedOn.Year);
        item.WrittenOn = item.FormedOn;
        item.EffectiveOn = item.FormedOn.AddDays(rng.Next(0, 31));
        if (item.EffectiveOn > today)
        {
            item.EffectiveOn = today;
        }
        item.Validity = Validity.Valid;
        if (item.Status != ItemStatus.Published)
        {
            return;
        }
        // A new document may repeal an older valid one of the same agency (废止 with a link to its replacement).
        var candidates = earlier.Where(d => d.Validity == Validity.Valid && d.Status == ItemStatus.Published && d.EffectiveOn < item.EffectiveOn).ToList();
        if (candidates.Count > 0 && rng.Next(100) < 15)
        {
            var old = gen.Pick(candidates);
            old.Validity = Validity.Repealed;
            old.InvalidatedOn = item.EffectiveOn;
            replacedBy.Add((old, item));
        }
        // Some documents carry a validity period that has run out (失效).
        else if (candidates.Count > 0 && rng.Next(100) < 10)
        {
            var old = gen.Pick(candidates);
            var end = old.EffectiveOn!.Value.AddYears(2);
            if (end <= today)
            {
                old.Validity = Validity.Lapsed;
                old.InvalidatedOn = end;
            }
        }
    }

    private static DateTime ToUtc(DateOnly day, int hour, int minute) =>
        // Beijing has no daylight saving time: UTC+8 all year.
        DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, minute)).AddHours(-8), DateTimeKind.Utc);
}
