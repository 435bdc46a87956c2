using System.Net;
using System.Text;

namespace Gongkai.Documents;

/// <summary>
/// A document as one self-contained HTML page (UTF-8, no scripts, no outside resources): the title as <c>h1</c>, paragraphs,
/// and tables with their header rows in <c>thead</c> and the same row and column spans as in Word — readable in any
/// browser and by screen readers, for saving or mailing a document outside the platform.
/// </summary>
public static class HtmlWriter
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style =
        "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.6}h1{text-align:center;font-size:1.5rem}" +
        "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #444;padding:.25rem .4rem;vertical-align:middle}" +
        "td.num{text-align:right}.indent{text-indent:2em}.center{text-align:center}.right{text-align:right}";

    public static string Write(Document document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(document.Title))
            .Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(document.Title)).Append("</h1>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    var css = p.FirstLineIndent ? "indent" : p.Alignment switch { Alignment.Center => "center", Alignment.Right => "right", _ => null };
                    html.Append(css is null ? "<p>" : $"<p class=\"{css}\">")
                        .Append(p.Bold ? $"<strong>{Encode(p.Text)}</strong>" : Encode(p.Text)).Append("</p>\n");
                    break;
                case Table t:
                    WriteTable(html, t);
                    break;
            }
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    public static byte[] WriteBytes(Document document) => new UTF8Encoding(false).GetBytes(Write(document));

    private static void WriteTable(StringBuilder html, Table table)
    {
        html.Append("<table>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var header = r < table.HeaderRows;
            if (r == 0)
            {
                html.Append(header ? "<thead>\n" : "<tbody>\n");
            }
            else if (r == table.HeaderRows)
            {
                html.Append("</thead>\n<tbody>\n");
            }
            html.Append("<tr>");
            foreach (var cell in table.Rows[r])
            {
                var tag = header ? "th" : "td";
                html.Append('<').Append(tag);
                if (cell.ColumnSpan > 1)
                {
                    html.Append(" colspan=\"").Append(cell.ColumnSpan).Append('"');
                }
                if (cell.RowSpan > 1)
                {
                    html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                }
                if (!header && cell.Number is not null)
                {
                    html.Append(" class=\"num\"");
                }
                html.Append('>').Append(Encode(cell.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</").Append(tag).Append('>');
            }
            html.Append("</tr>\n");
        }
        html.Append(table.Rows.Count > 0 && table.HeaderRows >= table.Rows.Count ? "</thead>\n" : "</tbody>\n").Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
