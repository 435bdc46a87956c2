using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Gongkai.Benchmarks.DueDateBenchmarks).Assembly).Run(args);
