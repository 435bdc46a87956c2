using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents;

/// <summary>
/// Writes sheets as .xlsx. Every text cell is an inline string — never a formula, never a number Excel reinterprets — so text
/// typed by applicants ("=HYPERLINK(…)", "+1", "0012") stays the text it was and cannot run in the spreadsheet. Only the
/// figures a caller lists in <see cref="Worksheet.Numbers"/> are stored as numbers.
/// </summary>
public static class ExcelWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on a sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    public static byte[] Write(params IReadOnlyList<Worksheet> sheets)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook has at least one sheet.", nameof(sheets));
        }
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new S.Workbook();
            var sheetList = workbookPart.Workbook.AppendChild(new S.Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = SheetOf(sheet);
                sheetList.Append(new S.Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = UniqueName(sheet.Name, names, id) });
                id++;
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static S.Worksheet SheetOf(Worksheet sheet)
    {
        var data = new S.SheetData();
        uint n = 1;
        foreach (var values in sheet.Rows)
        {
            data.Append(Row(n++, values, sheet.Numbers));
        }
        var worksheet = new S.Worksheet();
        if (sheet.ColumnWidths.Count > 0)
        {
            // <cols> precedes <sheetData> in the schema (ECMA-376 18.3.1.99).
            worksheet.Append(new S.Columns(sheet.ColumnWidths.Select((width, i) => new S.Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true,
            })));
        }
        worksheet.Append(data);
        if (sheet.Merged.Count > 0)
        {
            worksheet.Append(new S.MergeCells(sheet.Merged.Select(m => new S.MergeCell
            {
                Reference = $"{Reference(m.Row, m.Column)}:{Reference(m.Row + m.RowSpan - 1, m.Column + m.ColumnSpan - 1)}",
            })));
        }
        return worksheet;
    }

    private static S.Row Row(uint index, IReadOnlyList<string> values, IReadOnlyDictionary<(int Row, int Column), decimal> numbers)
    {
        var row = new S.Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            if (numbers.TryGetValue(((int)index - 1, i), out var number))
            {
                row.Append(new S.Cell { CellReference = Reference((int)index - 1, i), CellValue = new S.CellValue(number) });
                continue;
            }
            row.Append(new S.Cell
            {
                CellReference = Reference((int)index - 1, i),
                DataType = S.CellValues.InlineString,
                InlineString = new S.InlineString(new S.Text(XmlText.Clean(values[i])) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    /// <summary>"A1"-style reference of a zero-based row and column.</summary>
    public static string Reference(int row, int column) => ColumnName(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Excel refuses names over 31 characters, with []:*?/\ or repeated: such a name is cut, cleaned or numbered.</summary>
    private static string UniqueName(string name, HashSet<string> taken, uint id)
    {
        var clean = new string([.. XmlText.Clean(name).Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? '_' : ch)]).Trim('\'').Trim();
        if (clean.Length == 0)
        {
            clean = "Sheet" + id.ToString(CultureInfo.InvariantCulture);
        }
        if (clean.Length > MaxSheetNameLength)
        {
            clean = clean[..MaxSheetNameLength];
        }
        var candidate = clean;
        for (var k = 2; !taken.Add(candidate); k++)
        {
            var suffix = $"({k})";
            candidate = clean[..Math.Min(clean.Length, MaxSheetNameLength - suffix.Length)] + suffix;
        }
        return candidate;
    }
}
