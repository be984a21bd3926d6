if (args.Length > 0 && args[0] == "--scheduler")
{
    return Enc.Benchmarks.Scheduling.SchedulerLoad.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "--foundation")
{
    return await Enc.Benchmarks.Foundation.FoundationLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "ledger-ingest")
{
    return await Enc.Benchmarks.Ledger.LedgerIngestBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "--workloads")
{
    return await Enc.Benchmarks.Workloads.WorkloadStartLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "--workload-reports")
{
    return await Enc.Benchmarks.Workloads.WorkloadReportLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "--bls-ab")
{
    return Enc.Benchmarks.Crypto.BlsBuildComparison.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "--consensus")
{
    return await Enc.Benchmarks.Consensus.ConsensusLoad.RunAsync(args[1..]);
}

// --thread-cpu-time: single-threaded arithmetic on a shared machine, ShortRun in process, timed by the
// benchmark thread's CPU time (see Crypto/ThreadCpuClock.cs); otherwise BenchmarkDotNet's defaults.
// --stats: adds the Min, Median and Max columns (on a machine whose speed drifts, the median and the
// minimum say more than the mean).
var threadCpuTime = args.Contains("--thread-cpu-time");
var stats = args.Contains("--stats");
BenchmarkDotNet.Configs.IConfig? config = threadCpuTime ? Enc.Benchmarks.Crypto.ThreadCpuClock.ShortRunConfig() : null;
if (stats)
{
    config = BenchmarkDotNet.Configs.ManualConfig.Create(config ?? BenchmarkDotNet.Configs.DefaultConfig.Instance).AddColumn(
        BenchmarkDotNet.Columns.StatisticColumn.Min, BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.Max);
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args.Where(a => a is not "--thread-cpu-time" and not "--stats").ToArray(), config);
return 0;
