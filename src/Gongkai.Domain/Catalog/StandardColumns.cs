using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Catalog;

/// <summary>One column of the standard disclosure column tree, with a stable key and its exact label.</summary>
/// <param name="Key">Stable English key; also the URL segment.</param>
/// <param name="Name">The label shown to users, exactly as used on disclosure platforms.</param>
/// <param name="ParentKey">The parent column's key, or null at the top.</param>
/// <param name="Article">The clause of the 条例 the column rests on, if any.</param>
public sealed record StandardColumn(string Key, string Name, string? ParentKey, string? Article);

/// <summary>
/// The standard 政府信息公开专栏 tree seeded for every agency (国办公开办函〔2019〕61号 practice):
/// 指南, 制度, 法定主动公开内容 (children keyed to 条例第二十条 (一)–(十五) and the 第二十一条 local topics), 年报, 依申请公开.
/// Agencies extend it (e.g. with 基层政务公开标准目录 entries); the standard keys never change.
/// </summary>
public static class StandardColumns
{
    public const string Guide = "guide";
    public const string Rules = "rules";
    public const string Statutory = "statutory";
    public const string AnnualReports = "annual-reports";
    public const string OnRequest = "on-request";

    /// <summary>条例第二十条 (一)–(十五), keyed art20-01 … art20-15.</summary>
    public static IReadOnlyList<StandardColumn> Article20 { get; } =
    [
        new("art20-01", "行政法规、规章和规范性文件", Statutory, "第二十条第（一）项"),
        new("art20-02", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", Statutory, "第二十条第（二）项"),
        new("art20-03", "国民经济和社会发展规划、专项规划、区域规划及相关政策", Statutory, "第二十条第（三）项"),
        new("art20-04", "国民经济和社会发展统计信息", Statutory, "第二十条第（四）项"),
        new("art20-05", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", Statutory, "第二十条第（五）项"),
        new("art20-06", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定", Statutory, "第二十条第（六）项"),
        new("art20-07", "财政预算、决算信息", Statutory, "第二十条第（七）项"),
        new("art20-08", "行政事业性收费项目及其依据、标准", Statutory, "第二十条第（八）项"),
        new("art20-09", "政府集中采购项目的目录、标准及实施情况", Statutory, "第二十条第（九）项"),
        new("art20-10", "重大建设项目的批准和实施情况", Statutory, "第二十条第（十）项"),
        new("art20-11", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", Statutory, "第二十条第（十一）项"),
        new("art20-12", "突发公共事件的应急预案、预警信息及应对情况", Statutory, "第二十条第（十二）项"),
        new("art20-13", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", Statutory, "第二十条第（十三）项"),
        new("art20-14", "公务员招考的职位、名额、报考条件等事项以及录用结果", Statutory, "第二十条第（十四）项"),
        new("art20-15", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", Statutory, "第二十条第（十五）项"),
    ];

    /// <summary>条例第二十一条: 设区的市级、县级人民政府及其部门.</summary>
    public static IReadOnlyList<StandardColumn> Article21CountyLevel { get; } =
    [
        new("art21-urban-construction", "市政建设", Statutory, "第二十一条"),
        new("art21-public-services", "公共服务", Statutory, "第二十一条"),
        new("art21-public-welfare", "公益事业", Statutory, "第二十一条"),
        new("art21-land-expropriation", "土地征收", Statutory, "第二十一条"),
        new("art21-housing-expropriation", "房屋征收", Statutory, "第二十一条"),
        new("art21-public-security", "治安管理", Statutory, "第二十一条"),
        new("art21-social-assistance", "社会救助", Statutory, "第二十一条"),
    ];

    /// <summary>条例第二十一条: 乡（镇）人民政府.</summary>
    public static IReadOnlyList<StandardColumn> Article21Township { get; } =
    [
        new("art21-rural-policy", "农业农村政策落实", Statutory, "第二十一条"),
        new("art21-irrigation", "农田水利工程建设运营", Statutory, "第二十一条"),
        new("art21-land-contract-transfer", "农村土地承包经营权流转", Statutory, "第二十一条"),
        new("art21-homestead", "宅基地使用情况审核", Statutory, "第二十一条"),
        new("art21-land-expropriation", "土地征收", Statutory, "第二十一条"),
        new("art21-housing-expropriation", "房屋征收", Statutory, "第二十一条"),
        new("art21-fundraising-labour", "筹资筹劳", Statutory, "第二十一条"),
        new("art21-social-assistance", "社会救助", Statutory, "第二十一条"),
    ];

    /// <summary>The whole tree for an agency of the given kind, parents before children.</summary>
    public static IReadOnlyList<StandardColumn> For(AgencyKind kind)
    {
        List<StandardColumn> tree =
        [
            new(Guide, "政府信息公开指南", null, "第十二条"),
            new(Rules, "政府信息公开制度", null, null),
            new(Statutory, "法定主动公开内容", null, "第二十条、第二十一条"),
        ];
        tree.AddRange(Article20);
        tree.AddRange(kind == AgencyKind.Township ? Article21Township : Article21CountyLevel);
        tree.Add(new(AnnualReports, "政府信息公开年报", null, "第四十九条"));
        tree.Add(new(OnRequest, "依申请公开", null, "第二十七条"));
        return tree;
    }
}
