using Gongkai.Application.Calendar;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Operations;

/// <summary>Waiting for the leased background workers of a test host, instead of sleeping.</summary>
public static class BackgroundWork
{
    /// <summary>
    /// Until every open case is computed with the calendar in force, i.e. the calendar worker caught up with a change
    /// (at most 10 s; the admin's change wakes it at once).
    /// </summary>
    public static async Task DeadlinesRecomputedAsync(this TestApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var version = (await app.InScopeAsync(sp => sp.GetRequiredService<WorkingDayCalendarProvider>().CurrentAsync(ct))).Version;
            var stale = await app.WithDbAsync(db => db.Requests.CountAsync(r => r.State != null && r.FinishedOn == null && r.CalendarVersion != version, ct));
            if (stale == 0)
            {
                return;
            }
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"{stale} open cases still carry another calendar version than {version}.");
            }
            await Task.Delay(50, ct);
        }
    }
}
