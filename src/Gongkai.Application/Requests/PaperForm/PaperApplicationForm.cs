using Gongkai.Application.Agencies;
using Gongkai.Application.Requests.Intake;
using Gongkai.Documents;
using Gongkai.Domain.Requests;

namespace Gongkai.Application.Requests.PaperForm;

/// <summary>
/// The 政府信息公开申请表 for applying on paper (in person or by post), filled in with the receiving agency: the contents
/// 条例第二十九条第二款 requires — the applicant's name and 身份证明 and contacts, a description of the information, and the
/// way and route of obtaining it — as one table, with the office's address for delivering it.
/// </summary>
public static class PaperApplicationForm
{
    public const string Title = "政府信息公开申请表";

    /// <summary>
    /// 身份证明 a citizen may give (条例第二十九条第二款第（一）项: any valid identity document, not only the 居民身份证).
    /// Ticked on paper; the clerk registering the form types the chosen one.
    /// </summary>
    public static IReadOnlyList<string> IdentityDocuments { get; } =
        [.. Gongkai.Domain.Requests.IdentityDocuments.All.Where(d => d.ForNaturalPerson).Select(d => d.Label)];

    private const string Box = "□";

    public static string FileName(Agency agency) => $"{Title}（{agency.Name}）.docx";

    public static byte[] Write(Agency agency) => WordWriter.Write(Compose(agency));

    public static Document Compose(Agency agency)
    {
        var office = string.IsNullOrWhiteSpace(agency.OfficeName) ? $"{agency.Name}政府信息公开工作机构" : agency.OfficeName.Trim();
        List<Block> blocks =
        [
            new Paragraph($"受理机关：{agency.Name}", Alignment.Left),
            new Table(Rows(), HeaderRows: 0),
            new Paragraph("填表说明", Alignment.Left, Bold: true),
            .. Notes(agency, office).Select((text, i) => new Paragraph($"{i + 1}. {text}", Alignment.Justify, FirstLineIndent: true)),
        ];
        return new Document(Title, blocks);
    }

    private static List<IReadOnlyList<Cell>> Rows()
    {
        var blank = new Cell("");
        List<IReadOnlyList<Cell>> rows =
        [
            [new Cell("申请人信息", RowSpan: 15, Alignment: Alignment.Center), new Cell("公民", RowSpan: 7, Alignment: Alignment.Center), new Cell("姓名"), blank],
            [new Cell("证件类型"), new Cell(Ticks([.. IdentityDocuments, "其他有效身份证件：________"]))],
            [new Cell("证件号码"), blank],
            [new Cell("联系电话"), blank],
            [new Cell("通信地址"), blank],
            [new Cell("邮政编码"), blank],
            [new Cell("电子邮箱"), blank],
            [new Cell("法人或其他组织", RowSpan: 8, Alignment: Alignment.Center), new Cell("名称"), blank],
            [new Cell("统一社会信用代码或其他登记号码"), blank],
            [new Cell("法定代表人或联系人"), blank],
            [new Cell("联系人电话"), blank],
            [new Cell("通信地址"), blank],
            [new Cell("邮政编码"), blank],
            [new Cell("电子邮箱"), blank],
            [new Cell("组织类型"), new Cell(Ticks(ApplicantTypes.All.Where(t => t != ApplicantType.NaturalPerson).Select(t => t.Label())))],
            [new Cell("所需信息情况", RowSpan: 4, Alignment: Alignment.Center), new Cell("所需政府信息的名称、文号或者便于查询的其他特征性描述", ColumnSpan: 2), blank],
            [new Cell("文号（如知道）", ColumnSpan: 2), blank],
            [new Cell("获取信息的方式（提供形式）", ColumnSpan: 2), new Cell(Ticks(RequestFormChoices.Forms))],
            [new Cell("获取信息的途径", ColumnSpan: 2), new Cell(Ticks(RequestFormChoices.Deliveries.Where(d => d != "在线获取")))],
            [new Cell("申请人签名（盖章）", ColumnSpan: 3), blank],
            [new Cell("申请日期", ColumnSpan: 3), new Cell("        年    月    日")],
        ];
        return rows;
    }

    private static string Ticks(IEnumerable<string> choices) => string.Join("  ", choices.Select(c => Box + c));

    private static IEnumerable<string> Notes(Agency agency, string office)
    {
        yield return "公民填写“公民”一栏，并附所填证件的复印件；法人或者其他组织填写“法人或其他组织”一栏，并附营业执照或者其他登记证明的复印件（条例第二十九条）。";
        yield return "所需政府信息的描述应当尽量具体、明确；申请内容不明确的，行政机关将一次性告知需要补正的事项和合理的补正期限（条例第二十九条、第三十条）。";
        yield return "一份申请表可以申请多项政府信息，每项请分别写明。";
        var where = new List<string> { office };
        if (!string.IsNullOrWhiteSpace(agency.Address))
        {
            where.Add($"地址：{agency.Address.Trim()}");
        }
        if (!string.IsNullOrWhiteSpace(agency.PostalCode))
        {
            where.Add($"邮政编码：{agency.PostalCode.Trim()}");
        }
        if (!string.IsNullOrWhiteSpace(agency.Phone))
        {
            where.Add($"电话：{agency.Phone.Trim()}");
        }
        if (!string.IsNullOrWhiteSpace(agency.OfficeHours))
        {
            where.Add($"办公时间：{agency.OfficeHours.Trim()}");
        }
        yield return $"填好的申请表可以当面递交或者邮寄至{string.Join("，", where)}。";
        yield return "当面提交的，以提交之日为收到申请之日；以邮政快递等方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条）。行政机关自收到申请之日起20个工作日内予以答复；需要延长的，经负责人同意可以延长，延长的期限最长不超过20个工作日（条例第三十三条）。";
        yield return "申请人信息仅用于办理本申请。也可以在本平台“我要申请”页面在线提交申请。";
    }
}
