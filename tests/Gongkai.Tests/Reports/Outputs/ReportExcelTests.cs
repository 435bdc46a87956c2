using DocumentFormat.OpenXml.Packaging;
using Gongkai.Application.Reports.Outputs;
using Gongkai.Documents;
using Gongkai.Domain.Reports;
using static Gongkai.Tests.Reports.Outputs.ReportSamples;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Tests.Reports.Outputs;

/// <summary>The Excel workbook of a report: one sheet per table, figures stored as numbers, unknown cells empty.</summary>
public class ReportExcelTests
{
    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void OneSheetPerTable_LaidOutAsTheWordTable(string golden)
    {
        var report = Golden(golden);

        var sheets = XlsxReader.Read(ReportFiles.Xlsx(report));

        Assert.Equal(["报告", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"], sheets.Select(s => s.Name));
        Assert.Equal(ReportDocument.Title(report), sheets[0].Rows[0][1]);
        var section3 = sheets[2].Rows;
        Assert.Equal(ApplicantColumns.Caption, section3[0][0]);
        Assert.Equal("申请人情况", section3[0][3]);
        Assert.Equal(["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""], section3[2]);
        Assert.Equal(["一、本年新收政府信息公开申请数量", "", "", .. report.Applications["一"].Select(Printed)], section3[3]);
        Assert.Equal(report.ReviewLitigation.Select(Printed), sheets[3].Rows[3]);
    }

    [Theory, MemberData(nameof(ReportSamples.GoldenFiles), MemberType = typeof(ReportSamples))]
    public void Figures_AreNumbers_LabelsAreText_UnknownCellsEmpty(string golden)
    {
        var report = WithUnknownCells(golden);

        var cells = Cells(ReportFiles.Xlsx(report), "三、收到和处理政府信息公开申请情况");

        var rows = report.Template.ApplicationRows;
        for (var i = 0; i < rows.Count; i++)
        {
            var values = report.Applications[rows[i].Key];
            for (var c = 0; c < ApplicantColumns.Count; c++)
            {
                var cell = cells[$"{(char)('D' + c)}{4 + i}"];
                if (values[c] is { } value)
                {
                    Assert.Null(cell.DataType);
                    Assert.Equal(value, int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(S.CellValues.InlineString, cell.DataType!.Value);
                    Assert.Equal("", cell.InnerText);
                }
            }
        }
        Assert.Equal(S.CellValues.InlineString, cells["A4"].DataType!.Value);
        Assert.Equal("D1:J1", MergedRanges(ReportFiles.Xlsx(report), "三、收到和处理政府信息公开申请情况").Single(r => r.StartsWith("D1", StringComparison.Ordinal)));
    }

    [Fact]
    public void AmountsKeepTheirDecimals_AsNumbers()
    {
        var cells = Cells(ReportFiles.Xlsx(Golden("report-2021.json")), "二、主动公开政府信息情况");

        var amount = cells.Values.Single(c => c.CellValue?.Text == "12.3456");
        Assert.Null(amount.DataType);
    }

    [Fact]
    public void The2008Report_HasItsStatisticsTableSheet()
    {
        var sheets = XlsxReader.Read(ReportFiles.Xlsx(Seed("002-pingchuan-2018.json")));

        Assert.Equal(["报告", "政府信息公开情况统计表"], sheets.Select(s => s.Name));
        Assert.Equal(["统计指标", "单位", "统计数"], sheets[1].Rows[0]);
    }

    private static Dictionary<string, S.Cell> Cells(byte[] xlsx, string sheetName)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return Part(package, sheetName).Worksheet!.Descendants<S.Cell>().ToDictionary(c => c.CellReference!.Value!, c => (S.Cell)c.CloneNode(true));
    }

    private static List<string> MergedRanges(byte[] xlsx, string sheetName)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return [.. Part(package, sheetName).Worksheet!.Descendants<S.MergeCell>().Select(m => m.Reference!.Value!)];
    }

    private static WorksheetPart Part(SpreadsheetDocument package, string sheetName)
    {
        var workbook = package.WorkbookPart!;
        var sheet = workbook.Workbook!.Descendants<S.Sheet>().Single(s => s.Name == sheetName);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
    }
}
