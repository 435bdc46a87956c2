using NodaTime;

namespace Gongkai.Tests.Support;

/// <summary>A settable NodaTime clock: tests decide what "now" is, so 索引号 years and dates are deterministic.</summary>
public sealed class FakeClock(Instant now) : IClock
{
    /// <summary>2025-03-14 10:00 Beijing time (a Friday).</summary>
    public static readonly Instant Default = Instant.FromUtc(2025, 3, 14, 2, 0);

    private readonly Lock _lock = new();
    private Instant _now = now;

    public FakeClock()
        : this(Default)
    {
    }

    public Instant GetCurrentInstant()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Set(Instant now)
    {
        lock (_lock)
        {
            _now = now;
        }
    }

    public void Advance(Duration by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public DateOnly Today => GetCurrentInstant().InZone(Gongkai.Application.Platform.PlatformClock.Zone).Date.ToDateOnly();
}
