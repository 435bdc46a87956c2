using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Consistency;

public class ConsistencyTests
{
    [Fact]
    public void DomainAssembly_ReferencesOnlySystemNodaTimeAndTheFramework()
    {
        var references = typeof(WorkingDayCalendar).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var foreign = references.Where(name =>
            !(name == "System" || name.StartsWith("System.", StringComparison.Ordinal)
              || name is "NodaTime" or "netstandard" or "mscorlib")).ToList();
        Assert.Empty(foreign);
        Assert.Contains("NodaTime", references);
    }

    [Fact]
    public void DomainAssembly_ShipsTheHolidayDataAsAnEmbeddedResource() =>
        Assert.Contains("Gongkai.Domain.Calendar.OfficialHolidays.txt", typeof(WorkingDayCalendar).Assembly.GetManifestResourceNames());
}
