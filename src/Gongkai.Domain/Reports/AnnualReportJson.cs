using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The JSON form of a report, shared by the API, the CLI and the checker:
/// <c>{ agency, year, template, section2, applications, reviewLitigation, statistics2008, text, findings }</c>.
/// Writing always lists every cell of the template in print order (null when unknown), so the output is stable and
/// diffable; reading refuses keys the template does not have, non-integer counts and arrays of the wrong length.
/// </summary>
public static class AnnualReportJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Chinese labels stay readable in files and API responses; the output is JSON, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnnualReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(json, report);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(Utf8JsonWriter json, AnnualReport report)
    {
        json.WriteStartObject();
        json.WriteString("agency", report.Agency);
        json.WriteNumber("year", report.Year);
        json.WriteString("template", report.Template.Code);

        json.WriteStartObject("section2");
        foreach (var table in report.Template.Section2)
        {
            json.WriteStartObject(table.Key);
            foreach (var row in table.Rows)
            {
                json.WriteStartObject(row);
                foreach (var column in table.Columns)
                {
                    WriteNumber(json, column.Label, report.Section2[table.Key, row, column.Label]);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartObject("applications");
        foreach (var row in report.Template.ApplicationRows)
        {
            WriteArray(json, row.Key, report.Applications[row.Key]);
        }
        json.WriteEndObject();

        WriteArray(json, "reviewLitigation", report.ReviewLitigation);

        json.WriteStartObject("statistics2008");
        foreach (var row in report.Template.StatisticsRows.Where(r => !r.IsHeader))
        {
            WriteNumber(json, row.Key, report.Statistics2008[row.Key]);
        }
        json.WriteEndObject();

        json.WriteStartObject("text");
        foreach (var key in ReportText.Keys)
        {
            json.WriteString(key, report.Text[key]);
        }
        json.WriteEndObject();

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("severity", finding.SeverityCode);
            json.WritePropertyName("cells");
            json.WriteRawValue("[" + string.Join(", ", finding.Cells.Select(c => $"\"{JsonEncodedText.Encode(c, WriterOptions.Encoder)}\"")) + "]");
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static AnnualReport Read(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ReportJsonException($"年度报告数据不是有效的 JSON：{e.Message}");
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static AnnualReport Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ReportJsonException("年度报告数据应为一个 JSON 对象。");
        }
        var agency = Required(root, "agency", JsonValueKind.String).GetString()!;
        var yearElement = Required(root, "year", JsonValueKind.Number);
        if (!yearElement.TryGetInt32(out var year) || year is < 2000 or > 9999)
        {
            throw new ReportJsonException("“year”应为四位数的报告年度。");
        }
        var code = Required(root, "template", JsonValueKind.String).GetString()!;
        var template = ReportTemplates.ByCode(code)
            ?? throw new ReportJsonException($"未知的年报格式“{code}”，应为 2008、2019 或 2021。");
        var report = new AnnualReport(agency, year, template);

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "agency" or "year" or "template":
                    break;
                case "section2": ReadSection2(report, property.Value); break;
                case "applications": ReadApplications(report, property.Value); break;
                case "reviewLitigation": ReadReviewLitigation(report, property.Value); break;
                case "statistics2008": ReadStatistics(report, property.Value); break;
                case "text": ReadText(report, property.Value); break;
                case "findings": report.Findings = ReadFindings(property.Value); break;
                default: throw new ReportJsonException($"年度报告数据含有未知字段“{property.Name}”。");
            }
        }
        return report;
    }

    private static void ReadSection2(AnnualReport report, JsonElement element)
    {
        foreach (var table in Objects(element, "section2"))
        {
            var definition = report.Template.Section2Table(table.Name)
                ?? throw new ReportJsonException($"{report.Template.Code} 年格式没有“{table.Name}”表（第二部分）。");
            foreach (var row in Objects(table.Value, table.Name))
            {
                if (!definition.Rows.Contains(row.Name))
                {
                    throw new ReportJsonException($"“{table.Name}”表没有“{row.Name}”一行。");
                }
                foreach (var cell in Objects(row.Value, row.Name))
                {
                    if (definition.Column(cell.Name) is null)
                    {
                        throw new ReportJsonException($"“{table.Name}”表没有“{cell.Name}”一列。");
                    }
                    report.Section2[table.Name, row.Name, cell.Name] = Decimal(cell.Value, $"{table.Name} {row.Name} {cell.Name}");
                }
            }
        }
    }

    private static void ReadApplications(AnnualReport report, JsonElement element)
    {
        foreach (var row in Objects(element, "applications"))
        {
            if (!report.Applications.TryGetValue(row.Name, out var cells))
            {
                throw new ReportJsonException($"{report.Template.Code} 年格式第三部分没有“{row.Name}”一行。");
            }
            ReadIntegers(row.Value, cells, $"第三部分“{row.Name}”行");
        }
    }

    private static void ReadReviewLitigation(AnnualReport report, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() == 0)
        {
            return;
        }
        if (report.ReviewLitigation.Length == 0)
        {
            throw new ReportJsonException($"{report.Template.Code} 年格式没有行政复议、行政诉讼表。");
        }
        ReadIntegers(element, report.ReviewLitigation, "第四部分（行政复议、行政诉讼）");
    }

    private static void ReadStatistics(AnnualReport report, JsonElement element)
    {
        foreach (var row in Objects(element, "statistics2008"))
        {
            if (!report.Statistics2008.ContainsKey(row.Name))
            {
                throw new ReportJsonException($"{report.Template.Code} 年格式的统计表没有“{row.Name}”一行。");
            }
            report.Statistics2008[row.Name] = Decimal(row.Value, row.Name);
        }
    }

    private static void ReadText(AnnualReport report, JsonElement element)
    {
        foreach (var section in Objects(element, "text"))
        {
            if (!ReportText.Keys.Contains(section.Name))
            {
                throw new ReportJsonException($"正文部分只有“一”“五”“六”，没有“{section.Name}”。");
            }
            report.Text[section.Name] = section.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => section.Value.GetString(),
                _ => throw new ReportJsonException($"正文“{section.Name}”应为文字。"),
            };
        }
    }

    private static List<ReportFinding> ReadFindings(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new ReportJsonException("“findings”应为数组。");
        }
        var findings = new List<ReportFinding>();
        foreach (var item in element.EnumerateArray())
        {
            var severity = Required(item, "severity", JsonValueKind.String).GetString() switch
            {
                "error" => FindingSeverity.Error,
                "warning" => FindingSeverity.Warning,
                var other => throw new ReportJsonException($"未知的问题级别“{other}”，应为 error 或 warning。"),
            };
            var cells = Required(item, "cells", JsonValueKind.Array).EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            findings.Add(new(
                Required(item, "rule", JsonValueKind.String).GetString()!, severity, cells,
                Required(item, "message", JsonValueKind.String).GetString()!));
        }
        return findings;
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Number rows are written on one line each, as the tables print them.</summary>
    private static void WriteArray(Utf8JsonWriter json, string name, int?[] values)
    {
        json.WritePropertyName(name);
        json.WriteRawValue("[" + string.Join(", ", values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? "null")) + "]");
    }

    private static void ReadIntegers(JsonElement element, int?[] target, string what)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != target.Length)
        {
            throw new ReportJsonException($"{what}应为 {target.Length} 个数字的数组（未知的填 null）。");
        }
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            target[i] = item.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number when item.TryGetInt32(out var n) => n,
                _ => throw new ReportJsonException($"{what}第 {i + 1} 个数应为整数，而不是“{item.GetRawText()}”。"),
            };
            i++;
        }
    }

    private static decimal? Decimal(JsonElement element, string what) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
        _ => throw new ReportJsonException($"“{what}”应为数字，而不是“{element.GetRawText()}”。"),
    };

    private static JsonElement.ObjectEnumerator Objects(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject()
            : throw new ReportJsonException($"“{what}”应为 JSON 对象。");

    private static JsonElement Required(JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new ReportJsonException($"缺少字段“{name}”或其类型不对。");
}
