using BenchmarkDotNet.Running;
using Gongkai.Benchmarks;

// `drop-indexes <connection string>`: turns a copy of a seeded database into the dashboard benchmark's no-index baseline
// (bench/requests/run.sh), with the index list taken from the same EF model the benchmark checks against.
if (args is ["drop-indexes", var connectionString])
{
    DashboardQueryBenchmarks.DropIndexes(connectionString);
    return;
}

// `sync-indexes <connection string>`: gives a cached seeded database the current model's Requests indexes.
if (args is ["sync-indexes", var target])
{
    DashboardQueryBenchmarks.SyncIndexes(target);
    return;
}

// `trace <connection string>`: each dashboard query's SQL and time, for EXPLAIN.
if (args is ["trace", var traced])
{
    await DashboardQueryBenchmarks.TraceAsync(traced);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DueDateBenchmarks).Assembly).Run(args);
