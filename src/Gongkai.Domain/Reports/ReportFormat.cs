namespace Gongkai.Domain.Reports;

/// <summary>
/// The three generations of the annual report's tables. The unified format is published by the national 主管部门
/// (条例第五十条第二款) and follows the report year, never the publication date.
/// </summary>
public enum ReportFormat
{
    /// <summary>《政府信息公开情况统计表》 of 国办发〔2014〕32号, report years up to 2018 (read and displayed, never generated).</summary>
    Statistics2008 = 2008,
    /// <summary>国办公开办函〔2019〕60号, report years 2019–2020.</summary>
    Format2019 = 2019,
    /// <summary>国办公开办函〔2021〕30号, report years from 2021.</summary>
    Format2021 = 2021,
}
