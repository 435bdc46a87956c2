using System.Net;
using Gongkai.Application.Requests.Intake;
using Gongkai.Documents;
using Gongkai.Domain.Agencies;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Requests.Citizen;

/// <summary>我要申请: the entry in the navigation, the list of agencies at /apply, and the Word 申请表 for paper applicants.</summary>
public sealed class ApplyEntryTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestApp> CountyAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var app = await TestApp.StartAsync(provider, postgres);
        var county = await app.SetUpAsync();
        await app.AddAgencyAsync("000014350", "示例县财政局", county.Id, AgencyKind.Department);
        await app.AddAgencyAsync("000014351", "示例县城关镇人民政府", county.Id, AgencyKind.Township);
        await app.WithDbAsync(async db =>
        {
            var finance = await db.Agencies.SingleAsync(a => a.Code == "000014350", Ct);
            finance.OfficeName = "示例县财政局办公室";
            finance.Address = "示例县人民路1号";
            finance.PostalCode = "100001";
            finance.Phone = "0000-1234567";
            finance.OfficeHours = "工作日 9:00—17:00";
            return await db.SaveChangesAsync(Ct);
        });
        return app;
    }

    [Theory, BothDatabases]
    public async Task EveryPortalPage_OffersWoYaoShenQing_InItsNavigation_AndTheHomeAndAgencyPagesLinkToIt(DatabaseProvider provider)
    {
        await using var app = await CountyAsync(provider, postgres);
        using var client = app.Client();

        var home = await client.GetStringAsync("/", Ct);
        var agency = await client.GetStringAsync("/agencies/000014350", Ct);

        Assert.Contains("<a href=\"/apply\">我要申请</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/apply\">我要申请政府信息公开</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/apply/000014350\">我要申请（在线填写）</a>", agency, StringComparison.Ordinal);
        Assert.Contains("href=\"/apply/000014350/form.docx\">下载申请表（Word）</a>", agency, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task TheApplyList_GroupsTheAgenciesByKind_AndShowsTheOfficesContacts(DatabaseProvider provider)
    {
        await using var app = await CountyAsync(provider, postgres);
        using var client = app.Client();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/apply", Ct));

        var government = html.IndexOf("<h2 id=\"apply-gov\">本级政府</h2>", StringComparison.Ordinal);
        var departments = html.IndexOf("<h2 id=\"apply-dept\">政府部门</h2>", StringComparison.Ordinal);
        var townships = html.IndexOf("<h2 id=\"apply-town\">乡镇（街道）</h2>", StringComparison.Ordinal);
        Assert.True(government >= 0 && departments > government && townships > departments, html);
        Assert.True(html.IndexOf("示例县人民政府", government, StringComparison.Ordinal) < departments);
        Assert.True(html.IndexOf("示例县财政局", departments, StringComparison.Ordinal) < townships);
        Assert.Contains("href=\"/apply/000014351\">示例县城关镇人民政府</a>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>示例县人民路1号</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>0000-1234567</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>工作日 9:00—17:00</dd>", html, StringComparison.Ordinal);
        Assert.Contains("共 3 个单位。", html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task SearchingTheApplyListByName_WithoutJavaScript_ListsOnlyTheMatchingAgencies(DatabaseProvider provider)
    {
        await using var app = await CountyAsync(provider, postgres);
        using var client = app.Client();

        var found = WebUtility.HtmlDecode(await client.GetStringAsync("/apply?q=" + Uri.EscapeDataString("财政"), Ct));
        var none = WebUtility.HtmlDecode(await client.GetStringAsync("/apply?q=" + Uri.EscapeDataString("教育"), Ct));

        Assert.Contains("href=\"/apply/000014350\">示例县财政局</a>", found, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/apply/000014351\"", found, StringComparison.Ordinal);
        Assert.DoesNotContain("本级政府", found, StringComparison.Ordinal);
        Assert.Contains("value=\"财政\"", found, StringComparison.Ordinal);
        Assert.Contains("名称含“财政”的单位 1 个。", found, StringComparison.Ordinal);
        Assert.Contains("没有名称含“教育”的单位。", none, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task ThePaperApplicationForm_IsAWordFileWithTheAgencyAndEveryFieldOfArticle29(DatabaseProvider provider)
    {
        await using var app = await CountyAsync(provider, postgres);
        using var client = app.Client();

        using var response = await client.GetAsync("/apply/000014350/form.docx", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var docx = DocxTextReader.Read(bytes);
        var paragraphs = docx.Paragraphs.ToList();
        var cells = docx.Tables.Single().Rows.SelectMany(r => r).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WordWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("政府信息公开申请表（示例县财政局）.docx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal("政府信息公开申请表", paragraphs[0]);
        Assert.Contains("受理机关：示例县财政局", paragraphs);
        foreach (var field in new[] { "公民", "姓名", "证件类型", "证件号码", "联系电话", "通信地址", "邮政编码", "电子邮箱",
            "法人或其他组织", "名称", "统一社会信用代码或其他登记号码", "法定代表人或联系人",
            "所需政府信息的名称、文号或者便于查询的其他特征性描述", "文号（如知道）", "获取信息的方式（提供形式）", "获取信息的途径",
            "申请人签名（盖章）", "申请日期" })
        {
            Assert.Contains(field, cells);
        }
        var identity = cells.Single(c => c.StartsWith("□居民身份证", StringComparison.Ordinal));
        foreach (var document in new[] { "□护照", "□港澳居民来往内地通行证", "□台湾居民来往大陆通行证", "□外国人永久居留身份证", "□港澳台居民居住证" })
        {
            Assert.Contains(document, identity, StringComparison.Ordinal);
        }
        Assert.Contains(cells, c => c.Contains("□纸质文本", StringComparison.Ordinal) && c.Contains("□光盘/存储介质", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Contains("□邮寄", StringComparison.Ordinal) && c.Contains("□电子邮件", StringComparison.Ordinal)
            && c.Contains("□自行领取", StringComparison.Ordinal) && !c.Contains("在线获取", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("示例县财政局办公室，地址：示例县人民路1号，邮政编码：100001，电话：0000-1234567", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task ThePaperApplicationForm_OfAnUnknownAgency_IsNotFound(DatabaseProvider provider)
    {
        await using var app = await CountyAsync(provider, postgres);
        using var client = app.Client();

        using var response = await client.GetAsync("/apply/999999999/form.docx", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
