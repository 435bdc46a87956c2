namespace Gongkai.Domain.Reports;

/// <summary>A report's JSON form does not fit its template; the Chinese message names the offending field.</summary>
public sealed class ReportJsonException(string message) : FormatException(message);
