namespace Gongkai.Domain.Reports;

/// <summary>
/// One data row of section 三. <see cref="Key"/> is the stable key of the JSON form (<c>"三(三)1"</c>); <see cref="Label"/>
/// the exact printed text of the row's own cell; <see cref="Group"/> the printed header of its （三）（四）（五）（六） group,
/// which carries no numbers of its own.
/// </summary>
public sealed record ApplicationRow(string Key, string Label, ApplicationRowKind Kind, string? Group = null)
{
    /// <summary>The label as a reader finds it: the group header, then the row (e.g. "（三）不予公开 1.属于国家秘密").</summary>
    public string FullLabel => Group is null ? Label : $"{Group} {Label}";
}
