using Gongkai.Application.Requests.Storage;
using Gongkai.Domain.Requests;
using NodaTime;

namespace Gongkai.Application.Requests.Handling;

/// <summary>The steps a stored case offers today (<see cref="CaseSteps"/>), the likely next one first.</summary>
public static class OfferedSteps
{
    /// <summary>None for rows no sequence of steps can produce: the case page shows why instead (its deadline explanation).</summary>
    public static IReadOnlyList<CaseStep> Of(RequestRecord record, LocalDate today)
    {
        if (record.State is null)
        {
            return CaseSteps.Offered(null, today);
        }
        try
        {
            return CaseSteps.Offered(RequestCaseMapping.ToDomain(record), today);
        }
        catch (InconsistentCaseException)
        {
            return [];
        }
    }
}
