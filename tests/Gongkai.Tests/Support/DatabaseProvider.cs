using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Gongkai.Tests.Support;

/// <summary>The two databases the platform supports; every storage and web test runs on both.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Runs a theory once per <see cref="DatabaseProvider"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public static IReadOnlyList<DatabaseProvider> All { get; } = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new(All.Select(p => (ITheoryDataRow)new TheoryDataRow<DatabaseProvider>(p)).ToList());

    public override bool SupportsDiscoveryEnumeration() => true;
}
