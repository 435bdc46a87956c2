using Gongkai.Application.Calendar;
using Gongkai.Application.Platform;
using Gongkai.Application.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Application.Operations;

/// <summary>
/// Moves the due dates of running applications onto the calendar in force after the platform admin changes it
/// (条例第三十三条: the 20 working days are counted on the official calendar). The admin's change only saves the calendar
/// and wakes this worker; the recompute runs here, outside the admin's request, on the one node holding the lease.
/// A change made on another node is noticed at the next interval, when the calendar version differs from the last done.
/// </summary>
public sealed class CalendarRecomputeWorker(
    IServiceScopeFactory scopes, PlatformClock clock, BackgroundWorkOptions options, ILogger<CalendarRecomputeWorker> logger)
    : LeasedBackgroundService(scopes, clock, logger)
{
    private string? _doneForVersion;

    public override string LeaseName => "calendar-recompute";

    public override TimeSpan Interval => options.Interval;

    protected override void OnLeaseNotHeld() => _doneForVersion = null;

    protected override async Task WorkAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        // Every agency's running cases follow the calendar, whoever changed it.
        using var unrestricted = scope.ServiceProvider.GetRequiredService<Agencies.AgencyScope>().Unrestricted(Agencies.ScopeOptOut.BackgroundJob);
        var version = (await scope.ServiceProvider.GetRequiredService<WorkingDayCalendarProvider>().CurrentAsync(ct)).Version;
        if (version == _doneForVersion)
        {
            return;
        }
        // Only cases still computed with another version are loaded, so a round after no change costs one query.
        var changed = await scope.ServiceProvider.GetRequiredService<Requests.Storage.RequestCaseStore>().RecomputeOpenDeadlinesAsync(ct);
        _doneForVersion = version;
        if (changed > 0)
        {
            Logger.LogInformation("工作日历 {Version}：{Changed} 件进行中申请的答复期限已重新计算。", version, changed);
        }
    }
}

/// <summary><c>Background:IntervalSeconds</c> (default 15): how often leased background workers look for work.</summary>
public sealed record BackgroundWorkOptions(TimeSpan Interval)
{
    public static BackgroundWorkOptions FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(Math.Max(1, Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue<int?>(configuration, "Background:IntervalSeconds") ?? 15)));
}
