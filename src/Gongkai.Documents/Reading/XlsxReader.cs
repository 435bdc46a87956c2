using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents;

/// <summary>
/// The sheets of an .xlsx as rows of cell text, each cell in the column its reference names (gaps are ""). Shared and inline
/// strings read as their text, numbers and dates as stored, formulas as their cached result — and counted, since a report
/// or export that should hold plain values may not carry formulas.
/// </summary>
public static class XlsxReader
{
    private const string Kind = "Excel";

    /// <summary>Excel's last column (XFD).</summary>
    private const int MaxColumns = 16_384;

    public static IReadOnlyList<SheetText> Read(Stream input, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        return Read(limits.Take(input, Kind), limits);
    }

    public static IReadOnlyList<SheetText> Read(byte[] content, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        limits.Check(content, Kind);
        return ReadLimits.Guard(Kind, () =>
        {
            limits.CheckPackage(content, Kind);
            using var stream = new MemoryStream(content, writable: false);
            using var package = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart });
            var workbook = package.WorkbookPart ?? throw new UnreadableDocumentException("无法读取Excel文件：文件中没有工作簿。");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var sheets = new List<SheetText>();
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<S.Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }
                sheets.Add(SheetOf(sheet.Name?.Value ?? "", part, shared, limits));
            }
            return sheets;
        });
    }

    private static SheetText SheetOf(string name, WorksheetPart part, List<string> shared, ReadLimits limits)
    {
        var rows = new List<List<string>>();
        var formulas = 0;
        var cells = 0;
        foreach (var row in part.Worksheet?.GetFirstChild<S.SheetData>()?.Elements<S.Row>() ?? [])
        {
            var index = row.RowIndex?.Value is { } r ? (int)Math.Min(r, int.MaxValue) - 1 : rows.Count;
            if (index < rows.Count - 1 || index >= limits.MaxCells)
            {
                throw new UnreadableDocumentException($"无法读取Excel文件：工作表“{name}”的行号无效。");
            }
            while (rows.Count <= index)
            {
                rows.Add([]);
            }
            var values = rows[index];
            foreach (var cell in row.Elements<S.Cell>())
            {
                if (++cells > limits.MaxCells)
                {
                    throw new UnreadableDocumentException($"Excel 工作表“{name}”超过 {limits.MaxCells:N0} 个单元格，无法读取。");
                }
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : values.Count;
                if (column is < 0 or >= MaxColumns)
                {
                    throw new UnreadableDocumentException($"无法读取Excel文件：单元格引用“{cell.CellReference?.Value}”无效。");
                }
                while (values.Count <= column)
                {
                    values.Add("");
                }
                if (cell.CellFormula is not null)
                {
                    formulas++;
                }
                values[column] = TextOf(cell, shared);
            }
        }
        return new SheetText(name, rows, formulas);
    }

    private static string TextOf(S.Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == S.CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        var raw = cell.CellValue?.Text ?? "";
        if (type == S.CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
                ? shared[i]
                : throw new UnreadableDocumentException($"无法读取Excel文件：单元格 {cell.CellReference?.Value} 引用了不存在的共享字符串。");
        }
        return raw;
    }

    /// <summary>Zero-based column of an "AB12"-style reference; -1 when it has no letters.</summary>
    internal static int ColumnOf(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (ch - 'A' + 1);
                if (++letters > 3)
                {
                    return -1;
                }
            }
            else
            {
                break;
            }
        }
        return letters == 0 ? -1 : column - 1;
    }
}

/// <summary>One sheet's rows of cell text and how many of its cells hold a formula.</summary>
public sealed record SheetText(string Name, IReadOnlyList<IReadOnlyList<string>> Rows, int FormulaCount);
