using System.Diagnostics;
using Enc.Scheduling;
using Enc.Scheduling.Binding;
using Enc.Scheduling.Explain;
using Enc.Scheduling.Model;
using Enc.Scheduling.Queue;

namespace Enc.Benchmarks.Scheduling;

/// <summary>
/// <c>dotnet run -c Release --project Enc.Benchmarks -- --scheduler [--nodes 500,5000,20000] [--workloads-per-node 20 | --workloads N] [--algorithms binpack,spread,roundrobin] [--seed 42]</c>:
/// generates a simulated cluster and workload mix (20 workloads per node by default: 100,000 for
/// 5,000 nodes, the same density at every size) and runs every replica through
/// <see cref="SchedulingPipeline.ScheduleAndBind"/> against an <see cref="InMemoryBindingTarget"/>,
/// reporting placements per second and decision latency percentiles.
/// </summary>
public static class SchedulerLoad
{
    public static int Run(string[] args)
    {
        var nodeCounts = Option(args, "--nodes", "500,5000,20000").Split(',').Select(int.Parse).ToArray();
        var fixedWorkloads = int.Parse(Option(args, "--workloads", "0"));
        var perNode = int.Parse(Option(args, "--workloads-per-node", "20"));
        var algorithms = Option(args, "--algorithms", "binpack,spread,roundrobin").Split(',');
        var seed = int.Parse(Option(args, "--seed", "42"));

        Console.WriteLine($"ENC scheduler load: workloads={(fixedWorkloads > 0 ? fixedWorkloads : perNode)}{(fixedWorkloads > 0 ? "" : " per node")} seed={seed} cores={Environment.ProcessorCount} runtime={Environment.Version}");
        Measure(500, 5_000, "binpack", seed, print: false); // JIT warm-up
        Console.WriteLine("| algorithm | nodes | node classes | workloads | replicas | placed | pending | preempted | build ms | wall s | CPU s | placements/s (wall) | placements/CPU-s | p50 µs | p99 µs | max µs | alloc B/decision |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var algorithm in algorithms)
        {
            foreach (var nodes in nodeCounts)
            {
                Measure(nodes, fixedWorkloads > 0 ? fixedWorkloads : perNode * nodes, algorithm, seed, print: true);
            }
        }

        return 0;
    }

    private static void Measure(int nodeCount, int workloadCount, string algorithm, int seed, bool print)
    {
        var (name, strategy) = algorithm switch
        {
            "binpack" => (SchedulingAlgorithmNames.ResourceBased, ResourceStrategyNames.Binpack),
            "spread" => (SchedulingAlgorithmNames.ResourceBased, ResourceStrategyNames.Spread),
            "roundrobin" => (SchedulingAlgorithmNames.RoundRobin, ResourceStrategyNames.Binpack),
            _ => throw new ArgumentException($"unknown algorithm '{algorithm}' (binpack, spread, roundrobin)", nameof(algorithm)),
        };
        var snapshot = SimulatedCluster.Create(nodeCount, seed);
        var requests = SimulatedWorkloads.Create(workloadCount, seed + 1, name, strategy);
        var queue = new SchedulingQueue();
        foreach (var request in requests)
        {
            queue.Enqueue(request);
        }

        GC.Collect();
        var buildStart = Stopwatch.GetTimestamp();
        var pipeline = new SchedulingPipeline(snapshot);
        var target = new InMemoryBindingTarget(snapshot);
        var buildMs = Stopwatch.GetElapsedTime(buildStart).TotalMilliseconds;

        var latencies = new long[queue.ActiveCount];
        int decisions = 0, placed = 0, pending = 0, preempted = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        while (queue.TryDequeue(out var item))
        {
            var t0 = Stopwatch.GetTimestamp();
            var decision = pipeline.ScheduleAndBind(item.Request, item.ReplicaIndex, target);
            latencies[decisions++] = Stopwatch.GetTimestamp() - t0;
            if (decision.Outcome == SchedulingOutcome.Placed)
            {
                placed++;
                preempted += decision.Evictions.Count > 0 ? 1 : 0;
            }
            else
            {
                pending++;
                queue.MarkUnschedulable(item, decision.RequeueOn);
            }
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (!print)
        {
            return;
        }

        Array.Sort(latencies, 0, decisions);
        double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        double Percentile(double p) => Micros(latencies[Math.Min(decisions - 1, (int)Math.Ceiling(p * decisions) - 1)]);
        Console.WriteLine(
            $"| {algorithm} | {nodeCount:N0} | {pipeline.State.Classes.Length} | {workloadCount:N0} | {decisions:N0} | {placed:N0} | {pending:N0} | {preempted:N0} | {buildMs:F0} | {seconds:F2} | {cpuSeconds:F2} | " +
            $"{placed / seconds:N0} | {placed / cpuSeconds:N0} | {Percentile(0.50):F1} | {Percentile(0.99):F1} | {Micros(latencies[decisions - 1]):F0} | {allocated / Math.Max(1, decisions):N0} |");
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
