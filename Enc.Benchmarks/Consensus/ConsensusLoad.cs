using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Crypto.Bls;

namespace Enc.Benchmarks.Consensus;

/// <summary>
/// <c>dotnet run -c Release --project Enc.Benchmarks -- --consensus [--transport inprocess|orleans] [--validators 4,7,16,31]
/// [--batch 5000] [--blocks 5] [--warmup 3] [--scheme bls|simulated]</c>: commits blocks of <c>batch</c> placement
/// decisions among n validators and reports commit latency (p50, p99) and committed decisions per second.
/// In process: time between consecutive commits of a height at the last validator, proposals being
/// immediate. Orleans: see <see cref="OrleansConsensusLoad"/>. The first <c>warmup</c> heights of
/// every size are run but not measured (JIT tiering, caches). "process CPU ms/block" is the process's
/// CPU time over all heights of a size divided by their number: the cost that n validators put on the
/// machine per block, whatever else runs on it.
/// </summary>
public static class ConsensusLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--validators", "4,7,16,31").Split(',').Select(int.Parse).ToArray();
        var batch = int.Parse(Option(args, "--batch", "5000"));
        var blocks = int.Parse(Option(args, "--blocks", "5"));
        var warmup = int.Parse(Option(args, "--warmup", "3"));
        var scheme = Option(args, "--scheme", "bls");
        var transport = Option(args, "--transport", "inprocess");
        Console.WriteLine($"ENC consensus load: transport={transport} scheme={scheme} batch={batch} blocks={blocks} warmup={warmup} cores={Environment.ProcessorCount} runtime={Environment.Version}");
        if (transport == "orleans")
        {
            return await OrleansConsensusLoad.RunAsync(sizes, batch, blocks, warmup);
        }

        Measure(4, batch, 20, 0, scheme, print: false); // JIT warm-up: BLS code reaches tier 1 before anything is measured
        Console.WriteLine("| transport | validators | scheme | blocks | decisions/block | p50 ms | p99 ms | max ms | decisions/s | process CPU ms/block |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            Measure(n, batch, blocks, warmup, scheme, print: true);
        }

        return 0;
    }

    private static void Measure(int n, int batch, int blocks, int warmup, string scheme, bool print)
    {
        Func<int, IConsensusVerifier> verifierFor;
        IConsensusSigner[] signers;
        if (scheme == "simulated")
        {
            var simulated = new SimulatedSignatureScheme();
            verifierFor = _ => simulated;
            signers = Enumerable.Range(0, n).Select(i => simulated.CreateSigner($"bench/{i}")).ToArray();
        }
        else
        {
            verifierFor = _ => new BlsConsensusVerifier();
            signers = Enumerable.Range(0, n).Select(i => (IConsensusSigner)new BlsConsensusSigner(BenchmarkKey(i))).ToArray();
        }

        var options = new QbftOptions { BaseRoundTimeout = TimeSpan.FromSeconds(60), MaxRoundTimeout = TimeSpan.FromSeconds(120), MaxDecisionsPerBlock = batch };
        var cluster = new InProcessConsensusCluster(signers, verifierFor, new BatchedPlacementSource(batch), options);
        var heights = warmup + blocks;
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        cluster.RunUntilHeight(heights);
        var cpuPerBlock = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / heights;

        // Latency of height h: from the last validator's commit of h-1 (the proposer starts h at
        // its own commit of h-1, no later) to the last validator's commit of h.
        var lastCommit = Enumerable.Range(0, heights).Select(h => cluster.CommitTimes.Max(t => t[h])).ToArray();
        var start = warmup == 0 ? TimeSpan.Zero : lastCommit[warmup - 1];
        var latencies = Enumerable.Range(warmup, blocks).Select(h => (lastCommit[h] - (h == 0 ? TimeSpan.Zero : lastCommit[h - 1])).TotalMilliseconds).Order().ToArray();
        var seconds = (lastCommit[^1] - start).TotalSeconds;
        if (print)
        {
            Console.WriteLine($"| in-process | {n} | {scheme} | {blocks} | {batch} | {Percentile(latencies, 0.50):F1} | {Percentile(latencies, 0.99):F1} | {latencies[^1]:F1} | {(double)batch * blocks / seconds:N0} | {cpuPerBlock:F1} |");
        }
    }

    /// <summary>The deterministic key of benchmark validator <paramref name="i"/>.</summary>
    internal static BlsSecretKey BenchmarkKey(int i) =>
        BlsSecretKey.FromKeyMaterial(System.Text.Encoding.UTF8.GetBytes($"enc-consensus-benchmark-key/{i}/0123456789abcdef"));

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
