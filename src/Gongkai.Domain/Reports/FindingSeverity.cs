namespace Gongkai.Domain.Reports;

/// <summary>How a finding weighs: errors block submission, warnings need an acknowledged reason.</summary>
public enum FindingSeverity
{
    /// <summary>Breaks a rule printed in the official table (O) or following from its structure (D).</summary>
    Error = 1,
    /// <summary>A heuristic or cross-year check (H): probably wrong, possibly right.</summary>
    Warning,
}
