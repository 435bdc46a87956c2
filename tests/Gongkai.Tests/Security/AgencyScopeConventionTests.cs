using Gongkai.Application.Agencies;
using Gongkai.Application.Data;
using Gongkai.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.Tests.Security;

/// <summary>
/// Forgetting the agency scope fails here, naming the entity: every entity type of the model carries the one agency
/// filter, or is listed in <see cref="AgencyScopeFilters.NotAgencyOwned"/> with the reason it belongs to no agency.
/// </summary>
public sealed class AgencyScopeConventionTests
{
    /// <summary>The model as each provider builds it; no database is needed to read it.</summary>
    private static IModel Model(DatabaseProvider provider)
    {
        var scope = new AgencyScope();
        using GongkaiDbContext db = provider == DatabaseProvider.Postgres
            ? new PostgresGongkaiDbContext(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql("Host=localhost;Database=model_only").Options, scope)
            : new SqliteGongkaiDbContext(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite("Data Source=:memory:").Options, scope);
        return db.Model;
    }

    private static bool Filtered(IEntityType type) => type.FindDeclaredQueryFilter(AgencyScopeFilters.Name) is not null;

    [Theory, BothDatabases]
    public void EveryEntityWithAnAgency_HasTheAgencyScopeFilter(DatabaseProvider provider)
    {
        var agencyOwned = Model(provider).GetEntityTypes()
            .Where(t => t.FindProperty("AgencyId") is not null
                || typeof(IAgencyOwned).IsAssignableFrom(t.ClrType) || typeof(IAgencyOrPlatformOwned).IsAssignableFrom(t.ClrType))
            .ToList();

        var unfiltered = agencyOwned.Where(t => !Filtered(t)).Select(t => t.ClrType.Name).ToList();

        Assert.True(agencyOwned.Count >= 7, $"Only {agencyOwned.Count} agency-owned entity types found.");
        Assert.True(unfiltered.Count == 0, $"Agency-owned without the {AgencyScopeFilters.Name} query filter: {string.Join(", ", unfiltered)}. Implement IAgencyOwned.");
        // An AgencyId the filter does not know about (e.g. a different name or type) would slip through: insist on the marker.
        var unmarked = agencyOwned.Where(t => !typeof(IAgencyOwned).IsAssignableFrom(t.ClrType) && !typeof(IAgencyOrPlatformOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name).ToList();
        Assert.True(unmarked.Count == 0, $"Has an AgencyId but does not implement IAgencyOwned: {string.Join(", ", unmarked)}.");
    }

    [Theory, BothDatabases]
    public void EveryEntity_IsScopedOrDeclaredToBelongToNoAgency(DatabaseProvider provider)
    {
        var types = Model(provider).GetEntityTypes().ToList();

        var neither = types.Where(t => !Filtered(t) && !AgencyScopeFilters.NotAgencyOwned.Contains(t.ClrType)).Select(t => t.ClrType.Name).ToList();
        var both = types.Where(t => Filtered(t) && AgencyScopeFilters.NotAgencyOwned.Contains(t.ClrType)).Select(t => t.ClrType.Name).ToList();

        Assert.True(neither.Count == 0,
            $"Neither agency-scoped nor listed in AgencyScopeFilters.NotAgencyOwned: {string.Join(", ", neither)}. Implement IAgencyOwned, filter it through its parent, or list it with the reason.");
        Assert.True(both.Count == 0, $"Listed as belonging to no agency but filtered: {string.Join(", ", both)}.");
        TestContext.Current.TestOutputHelper?.WriteLine($"{types.Count(Filtered)} entity types scoped, {AgencyScopeFilters.NotAgencyOwned.Count} platform-wide.");
    }
}
