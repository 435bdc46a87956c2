namespace Gongkai.Domain.Reports;

/// <summary>
/// The three templates and which one a report year uses. The 2019 format (国办公开办函〔2019〕60号) applies to the
/// reports for 2019 and 2020, the 2021 format (国办公开办函〔2021〕30号, issued September 2021) from the 2021 reports on;
/// earlier years used the 统计表 of 国办发〔2014〕32号.
/// </summary>
public static class ReportTemplates
{
    /// <summary>The six parts every report of the 2019 and 2021 formats has (条例第五十条 (一)–(五) plus 总体情况).</summary>
    private static readonly IReadOnlyList<string> SixSections =
    [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ];

    public static ReportTemplate Statistics2008 { get; } = new(
        ReportFormat.Statistics2008, "国办发〔2014〕32号", ["政府信息公开情况统计表"], [], [], Statistics2008Rows.All);

    public static ReportTemplate Format2019 { get; } = new(
        ReportFormat.Format2019, "国办公开办函〔2019〕60号", SixSections, Section2Tables.Format2019,
        ApplicationRows.For(ReportFormat.Format2019), []);

    public static ReportTemplate Format2021 { get; } = new(
        ReportFormat.Format2021, "国办公开办函〔2021〕30号", SixSections, Section2Tables.Format2021,
        ApplicationRows.For(ReportFormat.Format2021), []);

    public static IReadOnlyList<ReportTemplate> All { get; } = [Statistics2008, Format2019, Format2021];

    /// <summary>The template a report for <paramref name="reportYear"/> must use.</summary>
    public static ReportTemplate ForYear(int reportYear) => reportYear switch
    {
        <= 2018 => Statistics2008,
        <= 2020 => Format2019,
        _ => Format2021,
    };

    /// <summary>The template with the JSON code "2008", "2019" or "2021", or null.</summary>
    public static ReportTemplate? ByCode(string code) => All.FirstOrDefault(t => t.Code == code);
}
