using Gongkai.Domain.Catalog;

namespace Gongkai.Application.Platform;

/// <summary>Platform-wide settings (a single row).</summary>
public sealed class PlatformSettings
{
    public int Id { get; set; } = 1;
    public string PlatformName { get; set; } = "政府信息公开平台";
    public string IndexNoFormat { get; set; } = IndexNumberFormat.Default;
    public DateTime? SetupCompletedAt { get; set; }
    public bool IsDemo { get; set; }
}
