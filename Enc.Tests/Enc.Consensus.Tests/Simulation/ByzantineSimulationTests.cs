using System.Collections.Concurrent;
using Enc.Consensus.Simulation;

namespace Enc.Consensus.Tests.Simulation;

/// <summary>
/// Seeded Byzantine scenarios over the fast HMAC stand-in signature scheme. Each failure names
/// its seed; reproduce one with <c>--filter-method '*ReproduceSeed*'</c> and env <c>ENC_CONSENSUS_SEED</c>.
/// </summary>
public sealed class ByzantineSimulationTests
{
    /// <summary>Scenario count of the CI run; the documented long run sets ENC_CONSENSUS_SCENARIOS=10000.</summary>
    private static int ScenarioCount =>
        int.TryParse(Environment.GetEnvironmentVariable("ENC_CONSENSUS_SCENARIOS"), out var n) && n > 0 ? n : 1000;

    [Fact]
    public void SeededScenarios_HoldSafetyLivenessAndEvidence_WithSimulatedSignatures()
    {
        var failures = new ConcurrentBag<string>();
        var evidence = 0;
        var forgeries = 0;
        Parallel.For(1, ScenarioCount + 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var result = SimulationRunner.WithSimulatedSignatures(seed).Run(SimulationScenario.FromSeed(seed));
            Interlocked.Add(ref evidence, result.EvidenceCount);
            Interlocked.Add(ref forgeries, result.ForgeriesRejected);
            if (!result.Passed)
            {
                failures.Add(result.ToString());
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {ScenarioCount} scenarios failed (reproduce with ENC_CONSENSUS_SEED=<seed>):\n" + string.Join("\n", failures.OrderBy(f => f).Take(20)));

        // The generated mix must actually exercise the Byzantine paths.
        Assert.True(evidence > 0, "no scenario produced equivocation evidence");
        Assert.True(forgeries > 0, "no scenario rejected a forged signature or certificate");
    }

    [Fact]
    public void ReproduceSeed_FromEnvironment_WithSimulatedSignatures()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ENC_CONSENSUS_SEED"), out var s) ? s : 42;
        var result = SimulationRunner.WithSimulatedSignatures(seed).Run(SimulationScenario.FromSeed(seed));
        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        Assert.True(result.Passed, result.ToString());
    }

    public static TheoryData<FaultKind, int> EveryFaultAtEverySize()
    {
        var data = new TheoryData<FaultKind, int>();
        foreach (var fault in Enum.GetValues<FaultKind>())
        {
            foreach (var n in new[] { 4, 7, 10 })
            {
                data.Add(fault, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFaultAtEverySize))]
    public void MaximalFaultsOfOneKind_HoldAllProperties_WithSimulatedSignatures(FaultKind fault, int n)
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            var f = (n - 1) / 3;
            var faults = new FaultKind[n];
            for (var i = 0; i < f; i++)
            {
                faults[(seed + (i * 3)) % n] = fault;
            }

            var scenario = new SimulationScenario
            {
                Seed = (seed * 1000) + n,
                Weights = Enumerable.Repeat(1L, n).ToArray(),
                Faults = faults,
                DropProbability = 0.2,
                HealAtMs = 3_000,
                UnstableMaxDelayMs = 150,
                StableMaxDelayMs = 10,
                TargetHeight = 3,
            };
            var result = SimulationRunner.WithSimulatedSignatures(scenario.Seed).Run(scenario);
            Assert.True(result.Passed, result.ToString());
        }
    }
}
