using System.Globalization;
using Gongkai.Documents;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports.Outputs;

/// <summary>
/// How the report's numbers are printed. An unknown cell (null) prints as an empty cell, never as 0: the model never
/// guesses a number, and neither does its layout.
/// </summary>
public static class ReportFigures
{
    public static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A section 二 value: counts as whole numbers, 本年增/减 with its sign ("+72", "-62"), amounts in 万元 without trailing zeros.</summary>
    public static string Text(decimal? value, Section2ValueKind kind = Section2ValueKind.Count) => value switch
    {
        null => "",
        > 0 when kind == Section2ValueKind.SignedCount => "+" + Plain(value.Value),
        { } v => Plain(v),
    };

    public static Cell Cell(int? value) => Documents.Cell.Figure(value, Text(value));

    public static Cell Cell(decimal? value, Section2ValueKind kind = Section2ValueKind.Count) => Documents.Cell.Figure(value, Text(value, kind));

    private static string Plain(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
