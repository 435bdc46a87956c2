using System.Globalization;
using System.Text;
using Gongkai.Domain.Catalog;

namespace Gongkai.Application.Demo;

/// <summary>What the generator needs to know about an agency.</summary>
/// <param name="DocNoPrefix">The 发文机关代字 of its 文号, e.g. 示政发 or 示财发.</param>
public sealed record GeneratedAgency(int Id, string Code, string Name, string DocNoPrefix);

/// <summary>What the generator needs to know about a column (a leaf where items go).</summary>
public sealed record GeneratedColumn(int Id, string Key, string Name);

/// <summary>
/// Generates plausible catalog items (titles, bodies, 文号, 索引号, dates) from templates per column, for the demo
/// county and for benchmark data sets. Deterministic for a given <see cref="Random"/>; all names are generic
/// (示例县, 测试市 …), never real places. Not thread-safe.
/// </summary>
public sealed class CatalogTextGenerator
{
    private static readonly string[] Topics =
    [
        "城乡居民最低生活保障", "农村饮水安全", "高标准农田建设", "城区供热", "义务教育学校布局", "公共租赁住房",
        "城乡环境卫生整治", "中小企业融资", "就业创业补贴", "农村道路建设", "城市燃气安全", "森林防火",
        "医疗保障基金使用", "残疾人两项补贴", "老旧小区改造", "农村集体经济", "生活垃圾分类", "河湖长制",
        "优化营商环境", "政府购买服务", "农产品质量安全", "消防安全", "校外培训机构", "养老服务设施",
    ];

    private static readonly string[] DocForms = ["管理办法", "实施细则", "实施方案", "暂行规定", "工作规则", "考核办法"];

    private static readonly string[] Paragraphs =
    [
        "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提高政府工作透明度，保障人民群众依法获取政府信息，结合本地实际，现将有关事项公开如下。",
        "各单位要高度重视，明确分管领导和具体责任人，建立健全工作台账，确保各项任务按时保质完成，并于每季度末报送工作进展情况。",
        "本项工作坚持以人民为中心的发展思想，坚持依法依规、公开透明、统筹兼顾、分类推进的原则，切实维护群众合法权益。",
        "资金使用严格执行国库集中支付制度，实行专款专用、专账核算，任何单位和个人不得截留、挤占、挪用，接受审计和社会监督。",
        "对工作中发现的问题，要建立问题清单、责任清单和整改清单，限期整改到位；整改情况纳入年度目标责任考核。",
        "群众如对公开内容有疑问，可在工作日上午8:30—12:00、下午14:30—17:30通过电话0000-0000000咨询，或到办公地点现场咨询。",
        "本年度共安排项目资金若干万元，覆盖全部乡镇，惠及群众若干户，项目实施情况已在村（社区）公示栏同步公示，公示期间未收到异议。",
        "各乡镇人民政府、县直各部门要结合职责分工，细化工作措施，加强协调配合，形成工作合力，确保政策落地见效。",
        "严格落实保密审查制度，坚持“先审查、后公开”和“一事一审”原则，涉及国家秘密、商业秘密和个人隐私的信息不予公开。",
        "本通知自印发之日起施行，有效期五年。此前有关规定与本通知不一致的，以本通知为准。执行中遇到的问题，请及时向主管部门反映。",
        "经调查核实，相关情况属实。根据有关法律法规规定，依法作出处理决定，并将处理结果向社会公开，接受群众监督。",
        "下一步，将继续加大政务公开力度，丰富公开形式，拓展公开渠道，及时回应社会关切，不断提升政府公信力和执行力。",
        "申请人应当如实提交申请材料，对申请材料的真实性负责。受理机关应当在规定期限内作出决定，并告知申请人办理结果。",
        "抽检结果显示，所检样品中合格若干批次，不合格批次已依法移交执法部门立案查处，相关产品已责令下架并召回。",
        "预算安排坚持“过紧日子”要求，压减一般性支出，严控“三公”经费，重点保障基本民生、工资发放和机构正常运转。",
        "项目建设内容包括道路硬化、排水管网改造、绿化亮化等，计划工期十二个月，项目建成后将有效改善周边群众出行和居住条件。",
    ];

    private static readonly string[] Months = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];

    private readonly Random _rng;
    private readonly IndexNumberFormat _indexFormat;
    private readonly Dictionary<(int Agency, int Year), int> _serials = [];
    private readonly Dictionary<(int Agency, int Year), int> _docNos = [];
    private readonly StringBuilder _sb = new(4096);

    public CatalogTextGenerator(Random rng, IndexNumberFormat indexFormat)
    {
        _rng = rng;
        _indexFormat = indexFormat;
    }

    public Random Random => _rng;

    /// <summary>The next (year, serial, 索引号) for an agency: serials count up per agency and year.</summary>
    public (int Serial, string IndexNo) NextIndexNo(GeneratedAgency agency, int year)
    {
        var key = (agency.Id, year);
        var serial = _serials.GetValueOrDefault(key) + 1;
        _serials[key] = serial;
        return (serial, _indexFormat.Format(agency.Code, year, serial));
    }

    /// <summary>The next 文号 of an agency, e.g. 示政发〔2023〕12号; numbers count up per agency and year so they stay unique.</summary>
    public string NextDocNo(GeneratedAgency agency, int year)
    {
        var key = (agency.Id, year);
        var n = _docNos.GetValueOrDefault(key) + 1;
        _docNos[key] = n;
        return string.Create(CultureInfo.InvariantCulture, $"{agency.DocNoPrefix}〔{year}〕{n}号");
    }

    /// <summary>Whether items of the column are 规范性文件 (with 文号 and 有效性).</summary>
    public static bool IsNormativeColumn(string columnKey) => columnKey == "art20-01";

    /// <summary>A title for an item of <paramref name="column"/>, formed in <paramref name="year"/>.</summary>
    public string Title(GeneratedAgency agency, GeneratedColumn column, int year)
    {
        var org = agency.Name;
        var topic = Pick(Topics);
        var m = Pick(Months);
        var q = _rng.Next(1, 5);
        var n = _rng.Next(1, 30);
        string[] options = column.Key switch
        {
            "guide" => [$"{org}政府信息公开指南（{year}年修订）", $"{org}政府信息公开目录编制说明（{year}年）"],
            "rules" => [$"{org}政府信息公开保密审查制度", $"{org}政府信息主动公开工作制度", $"{org}政务公开工作考核办法（{year}年修订）", $"{org}政府信息公开申请办理工作规程"],
            "art20-01" => [$"{org}关于印发《{topic}{Pick(DocForms)}》的通知", $"{org}关于进一步加强{topic}工作的通知", $"{org}关于印发《{year}年{topic}工作实施方案》的通知"],
            "art20-02" => [$"{org}机构职能及内设机构", $"{org}领导班子成员及分工（{year}年）", $"{org}办公地址、办公时间及联系方式"],
            "art20-03" => [$"{org}{year}年国民经济和社会发展计划执行情况", $"{org}“十四五”{topic}专项规划", $"{org}{year}年{topic}工作要点"],
            "art20-04" => [$"{year}年{m}月{org}主要经济指标", $"{org}{year}年国民经济和社会发展统计公报", $"{year}年第{q}季度{topic}统计数据"],
            "art20-05" => [$"{org}行政许可事项清单（{year}年版）", $"{org}{year}年{m}月行政许可办理结果公示", $"{org}政务服务事项办事指南（{topic}）"],
            "art20-06" => [$"{org}行政处罚决定书（{agency.DocNoPrefix}罚决字〔{year}〕{n}号）", $"{org}行政执法事项清单（{year}年）", $"{org}{year}年第{q}季度行政处罚结果公示"],
            "art20-07" => [$"{org}关于{year}年部门预算的公开说明", $"{org}{year - 1}年部门决算公开", $"{org}{year}年“三公”经费预算情况说明"],
            "art20-08" => [$"{org}行政事业性收费项目目录（{year}年）", $"{org}涉企收费清单（{year}年）"],
            "art20-09" => [$"{org}{year}年政府采购意向公开（第{n}批）", $"{topic}项目采购中标（成交）结果公告", $"{org}{year}年政府集中采购目录及标准"],
            "art20-10" => [$"{topic}建设项目批准情况公示", $"{topic}项目建设进展情况（{year}年第{q}季度）"],
            "art20-11" => [$"{year}年{topic}政策实施情况", $"关于{year}年城乡居民基本医疗保险参保缴费工作的通知", $"{org}{year}年公益性岗位招聘公告"],
            "art20-12" => [$"{org}{topic}突发事件应急预案", $"{year}年{m}月气象灾害预警信息", $"{org}{year}年汛期安全应对情况"],
            "art20-13" => [$"{year}年第{q}季度食品安全监督抽检结果", $"{org}{year}年安全生产检查情况通报", $"{year}年{m}月环境空气质量状况"],
            "art20-14" => [$"{year}年{org}公开招聘工作人员公告", $"{year}年考试录用公务员拟录用人员公示（{org}）"],
            "art20-15" => [$"{org}{year}年法治政府建设工作报告", $"{org}权责清单（{year}年版）", $"{org}{year}年重点民生实事完成情况"],
            "art21-urban-construction" => [$"城区道路改造工程（第{n}期）进展情况", $"{year}年市政基础设施建设计划"],
            "art21-public-services" => [$"{org}{year}年公共服务事项清单", $"{year}年基本公共服务标准实施情况"],
            "art21-public-welfare" => [$"{year}年公益事业捐赠款物使用情况", $"{org}{year}年公益事业建设项目公示"],
            "art21-land-expropriation" => [$"{year}年第{n}批次建设用地征收土地预公告", $"{year}年第{n}批次征地补偿安置方案公告"],
            "art21-housing-expropriation" => [$"{topic}片区国有土地上房屋征收决定公告", $"{year}年房屋征收补偿方案征求意见"],
            "art21-public-security" => [$"{year}年{m}月社会治安形势通报", $"{org}{year}年道路交通安全整治情况"],
            "art21-social-assistance" => [$"{year}年{m}月城乡低保资金发放情况", $"{year}年第{q}季度特困人员救助供养情况公示", $"{year}年临时救助对象公示"],
            "art21-rural-policy" => [$"{year}年耕地地力保护补贴发放情况公示", $"{org}{year}年强农惠农政策落实情况"],
            "art21-irrigation" => [$"{year}年高标准农田建设项目公示", $"{org}{year}年小型农田水利工程运行管护情况"],
            "art21-land-contract-transfer" => [$"{year}年农村土地承包经营权流转情况公示", $"{org}{year}年土地流转合同备案情况"],
            "art21-homestead" => [$"{year}年第{n}批农村宅基地审批结果公示", $"{org}农村宅基地申请审批流程"],
            "art21-fundraising-labour" => [$"{year}年村级公益事业一事一议筹资筹劳方案公示", $"{org}{year}年筹资筹劳使用情况"],
            "annual-reports" => [$"{org}{year - 1}年政府信息公开工作年度报告"],
            "on-request" => [$"{org}政府信息公开申请表（{year}年版）", $"{org}依申请公开办理流程", $"{org}{year}年依申请公开受理情况"],
            "jc-farm-subsidy" => [$"{year}年{topic}涉农补贴资金发放明细公示", $"{year}年第{q}季度惠民惠农财政补贴资金发放情况"],
            "jc-disaster-relief" => [$"{year}年自然灾害生活救助资金发放情况", $"{org}{year}年救灾物资发放公示"],
            "jc-elderly-care" => [$"{year}年{m}月高龄津贴发放名单公示", $"{org}{year}年养老服务补贴发放情况"],
            "jc-public-culture" => [$"{year}年农家书屋及文化活动安排", $"{org}{year}年公共文化服务项目清单"],
            _ => [$"{org}{year}年{column.Name}工作情况", $"{org}关于{column.Name}有关事项的公告（{year}年第{n}号）"],
        };
        return Pick(options);
    }

    /// <summary>A 政策解读 title for a document.</summary>
    public string InterpretationTitle(string documentTitle, InterpretationForm form) => form switch
    {
        InterpretationForm.Graphic => $"图解：{StripNotice(documentTitle)}",
        InterpretationForm.Expert => $"专家解读：{StripNotice(documentTitle)}",
        InterpretationForm.Leader => $"领导解读：{StripNotice(documentTitle)}",
        _ => $"《{StripNotice(documentTitle)}》政策解读",
    };

    /// <summary>An HTML body of roughly <paramref name="paragraphs"/> paragraphs (~150 Chinese characters each, ~450 bytes in UTF-8).</summary>
    public string BodyHtml(string title, GeneratedAgency agency, DateOnly writtenOn, int paragraphs)
    {
        var sb = _sb.Clear();
        sb.Append("<p>").Append(title).Append("。</p>");
        for (var i = 0; i < paragraphs; i++)
        {
            sb.Append("<p>").Append(Pick(Paragraphs)).Append(Pick(Paragraphs)).Append("</p>");
        }
        sb.Append("<p style=\"text-align:right\">").Append(agency.Name).Append("<br>")
            .Append(writtenOn.Year.ToString(CultureInfo.InvariantCulture)).Append('年')
            .Append(writtenOn.Month.ToString(CultureInfo.InvariantCulture)).Append('月')
            .Append(writtenOn.Day.ToString(CultureInfo.InvariantCulture)).Append("日</p>");
        return sb.ToString();
    }

    /// <summary>A day between <paramref name="from"/> and <paramref name="to"/> inclusive.</summary>
    public DateOnly Day(DateOnly from, DateOnly to) =>
        from.AddDays(_rng.Next(0, Math.Max(1, to.DayNumber - from.DayNumber + 1)));

    public T Pick<T>(IReadOnlyList<T> options) => options[_rng.Next(options.Count)];

    private static string StripNotice(string title)
    {
        // "X关于印发《Y》的通知" reads better in a 解读 title as just Y.
        var open = title.IndexOf('《');
        var close = title.IndexOf('》');
        return open >= 0 && close > open ? title[(open + 1)..close] : title;
    }
}
