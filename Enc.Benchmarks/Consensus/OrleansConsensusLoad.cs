using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Interfaces.Consensus;
using Enc.Scheduling.Model;

namespace Enc.Benchmarks.Consensus;

/// <summary>
/// <c>--consensus --transport orleans</c>: for each n, an <see cref="OrleansConsensusCluster"/> of n
/// silos; then, closed loop, submits a batch of ConsensusDriven placement requests through the
/// consensus registry (which hands it to every validator's pool, as a workload grain does) and waits
/// until a round grain has recorded the block(s) placing all of them. Latency = submission to
/// recorded commit (the proposer plans the batch with the scheduler, every validator replays it,
/// real BLS signatures, the round grain verifies the certificate and writes the block and its
/// ledger receipt). <c>BlockInterval</c> is 0: the proposer proposes as soon as work arrives.
/// Before measuring, the silos settle (<see cref="SettleAsync"/>) and <c>warmup</c> batches run unmeasured.
/// </summary>
internal static class OrleansConsensusLoad
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Time allowed for n silos to start, register their keys and commit their inventories (31 silos share 2 cores).</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(int[] sizes, int batch, int blocks, int warmup)
    {
        Console.WriteLine("| transport | validators | scheme | blocks | decisions/block | p50 ms | p99 ms | max ms | decisions/s | process CPU ms/block |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var started = DateTime.UtcNow;
            await using var cluster = await OrleansConsensusCluster.StartAsync(n, TimeSpan.Zero);
            await cluster.WaitUntilReadyAsync(n, ReadyTimeout);
            Console.Error.WriteLine($"n={n}: cluster ready in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            var registry = cluster.Grains.GetGrain<IConsensusRegistryGrain>(IConsensusRegistryGrain.DefaultKey);
            var background = await SettleAsync();
            Console.Error.WriteLine($"n={n}: idle background {background:F0} ms CPU/s after settling");
            var latencies = new List<double>();
            var measuredFrom = TimeSpan.Zero;
            var measuredTo = TimeSpan.Zero;
            var cpuFrom = TimeSpan.Zero;
            for (var b = 0; b < warmup + blocks; b++)
            {
                var decisions = Enumerable.Range(0, batch).Select(i => Request(n, b, i)).ToList();
                var expected = cluster.Recorder.Placements + batch;
                if (b == warmup)
                {
                    cpuFrom = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                }

                var submitted = cluster.Recorder.Elapsed;
                await registry.SubmitAsync(decisions);
                TimeSpan committed;
                try
                {
                    committed = await cluster.Recorder.WaitForPlacementsAsync(expected, Timeout);
                }
                catch (TimeoutException)
                {
                    var st = await registry.GetStatusAsync();
                    Console.Error.WriteLine($"stalled: placements {cluster.Recorder.Placements}/{expected} h={st?.Height} r={st?.Round} idle={st?.Idle} pending={st?.PendingDecisions} by {st?.ReportedBy}");
                    foreach (var node in st?.Validators.Select(v => v.NodeName) ?? [])
                    {
                        var v = await cluster.Grains.GetGrain<IValidatorGrain>(node).GetStatusAsync();
                        Console.Error.WriteLine($"  {node}: h={v?.Height} r={v?.Round} idle={v?.Idle} pending={v?.PendingDecisions} rej={string.Join(",", v?.Rejections.Select(kv => kv.Key + "=" + kv.Value) ?? [])}");
                    }

                    throw;
                }
                if (b == warmup)
                {
                    measuredFrom = submitted;
                }

                if (b >= warmup)
                {
                    latencies.Add((committed - submitted).TotalMilliseconds);
                    measuredTo = committed;
                }
            }

            var cpuPerBlock = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuFrom).TotalMilliseconds / blocks;
            var sorted = latencies.Order().ToArray();
            var seconds = (measuredTo - measuredFrom).TotalSeconds;
            Console.WriteLine($"| orleans | {n} | bls | {blocks} | {batch} | {ConsensusLoad.Percentile(sorted, 0.50):F1} | {ConsensusLoad.Percentile(sorted, 0.99):F1} | {sorted[^1]:F1} | {(double)batch * blocks / seconds:N0} | {cpuPerBlock:F1} |");
        }

        return 0;
    }

    /// <summary>
    /// Waits until the freshly started silos stop compiling (tiered JIT of Orleans and ENC code runs on
    /// background threads for several seconds): until a 2-second window uses under 150 ms of CPU per
    /// second, at most 30 s. Returns the last window's CPU ms per second (the silos' idle background).
    /// </summary>
    private static async Task<double> SettleAsync()
    {
        var perSecond = double.MaxValue;
        for (var i = 0; i < 15 && perSecond > 150; i++)
        {
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(2));
            perSecond = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / 2;
        }

        return perSecond;
    }

    /// <summary>A placement request for a small instance (1 MiB of memory) that fits any node.</summary>
    private static ConsensusDecisionData Request(int n, int block, int i)
    {
        var decision = new PlacementRequestDecision
        {
            InstanceId = $"bench-{n}-{block}-{i}",
            WorkloadId = $"bench/w{n}-{block}",
            Namespace = "bench",
            Replica = i,
            Resources = new ResourceVector(0, 1L << 20, 0, 0),
        }.ToDecision();
        return new ConsensusDecisionData { Type = decision.Type, Payload = decision.Payload.ToArray() };
    }
}
