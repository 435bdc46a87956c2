using Gongkai.Application.Accounts;
using Gongkai.Documents;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports.Import;

/// <summary>
/// Section 二 (主动公开政府信息情况) of a draft from an Excel sheet: the 许可、处罚、强制、收费、集中采购 figures that no record
/// of the platform holds (第二十条第（五）至（八）项 and the like) are kept by other offices in spreadsheets. The sheet has one
/// block per 第二十条 item: a header row (the item, then the template's column labels) and one row per row label. Values go
/// through <see cref="ReportStore.SaveDraftAsync"/> — the same parsing and checks as a hand edit, all or nothing — and a
/// refused value is named by its Excel cell. Empty cells leave the draft's value as it is.
/// </summary>
public sealed class Section2Import(ReportStore store)
{
    /// <summary>The sheet is a few dozen cells; anything near this size is not the template.</summary>
    public const long MaxBytes = 1024 * 1024;

    public const string SheetName = "第二部分";

    private const string ItemPrefix = "第二十条";

    private const string Instructions = "填写说明：只填数字；留空的单元格不修改草稿中的数字；不要改动项目、行和栏目名称。第二十条第（一）项由目录自动统计，不在此表。";

    private static readonly ReadLimits Limits = new() { MaxBytes = MaxBytes, MaxCells = 20_000, MaxPackageEntries = 200 };

    /// <summary>The blank sheet for <paramref name="year"/>'s template, with its exact item, row and column labels.</summary>
    public static byte[] BlankTemplate(int year)
    {
        var template = ReportTemplates.ForYear(year);
        var tables = Importable(template);
        if (tables.Count == 0)
        {
            throw new ValidationException("year", $"{year} 年度报告（{template.Notice}）没有可从 Excel 导入的第二部分表格。");
        }
        List<IReadOnlyList<string>> rows =
        [
            [$"{year}年度政府信息公开工作年度报告 二、主动公开政府信息情况（{template.Notice}）"],
            [Instructions],
        ];
        foreach (var table in tables)
        {
            rows.Add([]);
            rows.Add([table.Key, .. table.Columns.Select(c => c.Label)]);
            rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)[r]));
        }
        return ExcelWriter.Write(new Worksheet(SheetName, rows) { ColumnWidths = [28, 18, 18, 18, 18] });
    }

    /// <summary>Reads <paramref name="file"/> and saves its figures into the agency's <paramref name="year"/> draft.</summary>
    public async Task<StoredReport> ImportAsync(StaffContext actor, int agencyId, int year, int version, Stream file, CancellationToken ct = default)
    {
        var current = await store.FindAsync(actor, agencyId, year, ct) ?? throw new NotFoundException($"{year} 年度报告尚未生成。");
        var (edits, cellOf) = Parse(Read(file), current.Report.Template);
        try
        {
            return await store.SaveDraftAsync(actor, agencyId, year, version, new ReportEdits(edits, new Dictionary<string, string?>()), ct);
        }
        catch (ValidationException ex) when (ex.Errors.Keys.Any(cellOf.ContainsKey))
        {
            // Staff fix the sheet, not the form: name the Excel cell the refused value came from.
            throw new ValidationException(ex.Errors.ToDictionary(
                e => e.Key,
                e => cellOf.TryGetValue(e.Key, out var cell) ? e.Value.Select(m => $"单元格 {cell}：{m}").ToArray() : e.Value));
        }
    }

    private static SheetText Read(Stream file)
    {
        IReadOnlyList<SheetText> sheets;
        try
        {
            sheets = XlsxReader.Read(file, Limits);
        }
        catch (UnreadableDocumentException ex)
        {
            throw new ValidationException("file", $"{ex.Message}请上传从本页下载的 .xlsx 模板填写后的文件。");
        }
        return sheets.FirstOrDefault(s => s.Name == SheetName) ?? (sheets.Count > 0 ? sheets[0] : null)
            ?? throw new ValidationException("file", "Excel 文件中没有工作表。");
    }

    /// <summary>The sheet's values by cell key, and the Excel cell each came from; every unknown label is reported at once.</summary>
    private static (Dictionary<string, string?> Edits, Dictionary<string, string> CellOf) Parse(SheetText sheet, ReportTemplate template)
    {
        var edits = new Dictionary<string, string?>();
        var cellOf = new Dictionary<string, string>();
        var errors = new ValidationErrors();
        var importable = Importable(template);
        Section2Table? table = null;
        var columns = new Dictionary<int, string>();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            var first = row.Count > 0 ? row[0].Trim() : "";
            if (row.All(string.IsNullOrWhiteSpace))
            {
                table = null;
                continue;
            }
            if (first.StartsWith(ItemPrefix, StringComparison.Ordinal))
            {
                table = importable.FirstOrDefault(t => t.Key == first);
                columns.Clear();
                if (table is null)
                {
                    errors.Add("file", template.Section2Table(first) is null
                        ? $"单元格 {Cell(r, 0)}：该年度报告（{template.Notice}）第二部分没有“{first}”这一项。"
                        : $"单元格 {Cell(r, 0)}：“{first}”由目录自动统计，不能从 Excel 导入。");
                    continue;
                }
                for (var c = 1; c < row.Count; c++)
                {
                    var label = row[c].Trim();
                    if (label.Length == 0)
                    {
                        continue;
                    }
                    if (table.Column(label) is null)
                    {
                        errors.Add("file", $"单元格 {Cell(r, c)}：“{table.Key}”没有“{label}”这一栏。");
                        continue;
                    }
                    columns[c] = label;
                }
                continue;
            }
            if (r < 2 && table is null)
            {
                continue; // the title and the instructions
            }
            if (table is null)
            {
                errors.Add("file", $"第 {r + 1} 行“{first}”不在任何项目下：项目行的第一格应为“第二十条第（…）项”。");
                continue;
            }
            if (!table.Rows.Contains(first))
            {
                errors.Add("file", $"单元格 {Cell(r, 0)}：“{table.Key}”没有“{first}”这一行。");
                continue;
            }
            for (var c = 1; c < row.Count; c++)
            {
                var value = row[c].Trim();
                if (value.Length == 0)
                {
                    continue;
                }
                if (!columns.TryGetValue(c, out var column))
                {
                    errors.Add("file", $"单元格 {Cell(r, c)}：这一列没有栏目名称，“{value}”无法导入。");
                    continue;
                }
                var key = ReportCells.Section2Key(table.Key, first, column);
                edits[key] = value;
                cellOf[key] = Cell(r, c);
            }
        }
        errors.ThrowIfAny();
        if (edits.Count == 0)
        {
            throw new ValidationException("file", "表中没有填写任何数字，未导入。");
        }
        return (edits, cellOf);
    }

    /// <summary>Every section 二 table but the first (第二十条第（一）项), which the generator counts from the catalog.</summary>
    private static List<Section2Table> Importable(ReportTemplate template) => [.. template.Section2.Skip(1)];

    private static string Cell(int row, int column) => ExcelWriter.Reference(row, column);
}
