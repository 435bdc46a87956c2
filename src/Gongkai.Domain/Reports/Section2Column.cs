namespace Gongkai.Domain.Reports;

/// <summary>A data column of a section 二 table, by its exact printed label (the 信息内容 column is the row label).</summary>
public sealed record Section2Column(string Label, Section2ValueKind Kind);
