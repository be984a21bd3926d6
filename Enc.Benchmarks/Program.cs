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

if (args.Length > 0 && args[0] == "--consensus")
{
    return await Enc.Benchmarks.Consensus.ConsensusLoad.RunAsync(args[1..]);
}

// --thread-cpu-time: single-threaded arithmetic on a shared machine, ShortRun in process, timed by the
// benchmark thread's CPU time (see Crypto/ThreadCpuClock.cs); otherwise BenchmarkDotNet's defaults.
var threadCpuTime = args.Contains("--thread-cpu-time");
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args.Where(a => a != "--thread-cpu-time").ToArray(), threadCpuTime ? Enc.Benchmarks.Crypto.ThreadCpuClock.ShortRunConfig() : null);
return 0;
