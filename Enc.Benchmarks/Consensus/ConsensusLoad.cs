using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Crypto.Bls;

namespace Enc.Benchmarks.Consensus;

/// <summary>
/// <c>dotnet run -c Release --project Enc.Benchmarks -- --consensus [--validators 4,7,16,31] [--batch 5000] [--blocks 5] [--scheme bls|simulated]</c>:
/// commits blocks of <c>batch</c> placement decisions among n validators over the in-process
/// transport and reports commit latency (p50, p99: time between consecutive commits of a height
/// at the last validator, proposals being immediate) and committed decisions per second.
/// </summary>
public static class ConsensusLoad
{
    public static int Run(string[] args)
    {
        var sizes = Option(args, "--validators", "4,7,16,31").Split(',').Select(int.Parse).ToArray();
        var batch = int.Parse(Option(args, "--batch", "5000"));
        var blocks = int.Parse(Option(args, "--blocks", "5"));
        var scheme = Option(args, "--scheme", "bls");
        Console.WriteLine($"ENC consensus load: scheme={scheme} batch={batch} blocks={blocks} cores={Environment.ProcessorCount} runtime={Environment.Version}");
        Measure(4, batch, 2, scheme, print: false); // JIT warm-up
        Console.WriteLine("| validators | scheme | blocks | decisions/block | p50 ms | p99 ms | max ms | decisions/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            Measure(n, batch, blocks, scheme, print: true);
        }

        return 0;
    }

    private static void Measure(int n, int batch, int blocks, string scheme, bool print)
    {
        IConsensusVerifier verifier;
        IConsensusSigner[] signers;
        if (scheme == "simulated")
        {
            var simulated = new SimulatedSignatureScheme();
            verifier = simulated;
            signers = Enumerable.Range(0, n).Select(i => simulated.CreateSigner($"bench/{i}")).ToArray();
        }
        else
        {
            verifier = BlsConsensusVerifier.Instance;
            signers = Enumerable.Range(0, n)
                .Select(i => (IConsensusSigner)new BlsConsensusSigner(BlsSecretKey.FromKeyMaterial(System.Text.Encoding.UTF8.GetBytes($"enc-consensus-benchmark-key/{i}/0123456789abcdef"))))
                .ToArray();
        }

        var options = new QbftOptions { BaseRoundTimeout = TimeSpan.FromSeconds(60), MaxRoundTimeout = TimeSpan.FromSeconds(120), MaxDecisionsPerBlock = batch };
        var cluster = new InProcessConsensusCluster(signers, verifier, new BatchedPlacementSource(batch), options);
        cluster.RunUntilHeight(blocks);

        // Latency of height h: from the last validator's commit of h-1 (the proposer starts h at
        // its own commit of h-1, no later) to the last validator's commit of h.
        var lastCommit = Enumerable.Range(0, blocks).Select(h => cluster.CommitTimes.Max(t => t[h])).ToArray();
        var latencies = Enumerable.Range(0, blocks).Select(h => (lastCommit[h] - (h == 0 ? TimeSpan.Zero : lastCommit[h - 1])).TotalMilliseconds).Order().ToArray();
        var total = lastCommit[^1].TotalSeconds;
        if (print)
        {
            Console.WriteLine($"| {n} | {scheme} | {blocks} | {batch} | {Percentile(latencies, 0.50):F1} | {Percentile(latencies, 0.99):F1} | {latencies[^1]:F1} | {cluster.DecisionsCommitted / total:N0} |");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
