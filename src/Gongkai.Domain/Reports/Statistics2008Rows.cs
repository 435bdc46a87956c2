namespace Gongkai.Domain.Reports;

/// <summary>
/// The rows of the pre-2019 《政府信息公开情况统计表》 (国办发〔2014〕32号 statistics system), labels as printed in the
/// 2018 tables. Two printed texts repeat under 四、行政复议数量 and 五、行政诉讼数量, so the children of those two parts
/// are keyed with their part's numeral ("四、（二）被依法纠错数").
/// </summary>
internal static class Statistics2008Rows
{
    public const string Received = "（一）收到申请数";
    public const string ReviewTotal = "四、行政复议数量";
    public const string LitigationTotal = "五、行政诉讼数量";

    public static IReadOnlyList<StatisticsRow> All { get; } =
    [
        Header("一、主动公开情况"),
        Row("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条"),
        Row("其中：主动公开规范性文件数", "条"),
        Row("制发规范性文件总数", "件"),
        Header("（二）通过不同渠道和方式公开政府信息的情况"),
        Row("1．政府公报公开政府信息数", "条"),
        Row("2．政府网站公开政府信息数", "条"),
        Row("3．政务微博公开政府信息数", "条"),
        Row("4．政务微信公开政府信息数", "条"),
        Row("5．其他方式公开政府信息数", "条"),
        Header("二、回应解读情况"),
        Row("回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次"),
        Header("（二）通过不同渠道和方式回应解读的情况"),
        Row("1．参加或举办新闻发布会总次数", "次"),
        Row("其中：主要负责同志参加新闻发布会次数", "次"),
        Row("2．政府网站在线访谈次数", "次"),
        Row("其中：主要负责同志参加政府网站在线访谈次数", "次"),
        Row("3．政策解读稿件发布数", "篇"),
        Row("4．微博微信回应事件数", "次"),
        Row("5．其他方式回应事件数", "次"),
        Header("三、依申请公开情况"),
        Row(Received, "件"),
        Row("1．当面申请数", "件"),
        Row("2．传真申请数", "件"),
        Row("3．网络申请数", "件"),
        Row("4．信函申请数", "件"),
        Row("（二）申请办结数", "件"),
        Row("1．按时办结数", "件"),
        Row("2．延期办结数", "件"),
        Row("（三）申请答复数", "件"),
        Row("1．属于已主动公开范围数", "件"),
        Row("2．同意公开答复数", "件"),
        Row("3．同意部分公开答复数", "件"),
        Row("4．不同意公开答复数", "件"),
        Row("其中：涉及国家秘密", "件"),
        Row("涉及商业秘密", "件"),
        Row("涉及个人隐私", "件"),
        Row("危及国家安全、公共安全、经济安全和社会稳定", "件"),
        Row("不是《条例》所指政府信息", "件"),
        Row("法律法规规定的其他情形", "件"),
        Row("5．不属于本行政机关公开数", "件"),
        Row("6．申请信息不存在数", "件"),
        Row("7．告知作出更改补充数", "件"),
        Row("8．告知通过其他途径办理数", "件"),
        Row(ReviewTotal, "件"),
        Part("四、", "（一）维持具体行政行为数"),
        Part("四、", "（二）被依法纠错数"),
        Part("四、", "（三）其他情形数"),
        Row(LitigationTotal, "件"),
        Part("五、", "（一）维持具体行政行为或者驳回原告诉讼请求数"),
        Part("五、", "（二）被依法纠错数"),
        Part("五、", "（三）其他情形数"),
        Row("六、举报投诉数量", "件"),
        Row("七、依申请公开信息收取的费用", "万元"),
        Header("八、机构建设和保障经费情况"),
        Row("（一）政府信息公开工作专门机构数", "个"),
        Row("（二）设置政府信息公开查阅点数", "个"),
        Row("（三）从事政府信息公开工作人员数", "人"),
        Row("专职人员数（不包括政府公报及政府网站工作人员数）", "人"),
        Row("2．兼职人员数", "人"),
        Row("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元"),
        Header("九、政府信息公开会议和培训情况"),
        Row("（一）召开政府信息公开工作会议或专题会议数", "次"),
        Row("（二）举办各类培训班数", "次"),
        Row("（三）接受培训人员数", "人次"),
    ];

    /// <summary>The rows that hold a number (every row but the headers), the keys of <c>statistics2008</c>.</summary>
    public static IEnumerable<StatisticsRow> DataRows => All.Where(r => !r.IsHeader);

    private static StatisticsRow Header(string label) => new(label, label, "—");

    private static StatisticsRow Row(string label, string unit) => new(label, label, unit);

    private static StatisticsRow Part(string part, string label) => new(part + label, label, "件");
}
