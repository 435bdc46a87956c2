namespace Gongkai.Documents.Tests;

public class HtmlTests
{
    [Fact]
    public void Page_IsSelfContained_WithHeaderRowsInThead_TheSpansOfWord_AndTextEscaped()
    {
        var table = new Table(
        [
            [new Cell("项目", RowSpan: 2), new Cell("申请人情况", ColumnSpan: 2)],
            [new Cell("自然人"), new Cell("总计")],
            [new Cell("<script>alert(1)</script>"), Cell.Figure(3, "3"), Cell.Figure(null, "")],
        ], HeaderRows: 2);

        var html = HtmlWriter.Write(new Document("某局2021年报告", [new Paragraph("第一段", FirstLineIndent: true), table]));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Contains("<h1>某局2021年报告</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"indent\">第一段</p>", html, StringComparison.Ordinal);
        Assert.Contains("<thead>\n<tr><th rowspan=\"2\">项目</th><th colspan=\"2\">申请人情况</th></tr>\n<tr><th>自然人</th><th>总计</th></tr>\n</thead>", html, StringComparison.Ordinal);
        Assert.Contains("<tbody>\n<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">3</td><td></td></tr>\n</tbody>", html, StringComparison.Ordinal);
    }
}
