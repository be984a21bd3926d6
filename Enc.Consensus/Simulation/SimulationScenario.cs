namespace Enc.Consensus.Simulation;

/// <summary>
/// One seeded Byzantine scenario. Everything (validators, weights, faults, network) derives from
/// <see cref="Seed"/> through <see cref="FromSeed"/>, so a failing seed reproduces exactly.
/// </summary>
public sealed record SimulationScenario
{
    /// <summary>The seed the scenario and its network randomness derive from.</summary>
    public required int Seed { get; init; }

    /// <summary>Validator weights; index i is validator i.</summary>
    public required long[] Weights { get; init; }

    /// <summary>Fault per validator (same length as <see cref="Weights"/>).</summary>
    public required FaultKind[] Faults { get; init; }

    /// <summary>Probability that a message is lost before the network heals.</summary>
    public double DropProbability { get; init; }

    /// <summary>Largest one-way delay before the network heals, in ms.</summary>
    public int UnstableMaxDelayMs { get; init; } = 200;

    /// <summary>Largest one-way delay after the network heals, in ms.</summary>
    public int StableMaxDelayMs { get; init; } = 20;

    /// <summary>Simulated time at which drops and partitions stop, in ms.</summary>
    public long HealAtMs { get; init; }

    /// <summary>Partition side per validator before healing (null: no partition).</summary>
    public bool[]? PartitionSide { get; init; }

    /// <summary>Whether honest nodes propose a validator-set change (re-weighting an honest validator).</summary>
    public bool ChangeValidatorSet { get; init; }

    /// <summary>Height every honest validator must reach (liveness).</summary>
    public int TargetHeight { get; init; } = 4;

    /// <summary>Simulated time after healing by which the target must be reached, in ms.</summary>
    public long LivenessBudgetMs { get; init; } = 120_000;

    /// <summary>Number of validators.</summary>
    public int Count => Weights.Length;

    /// <summary>Derives a scenario from a seed: n ∈ {4, 7, 10}, faulty weight &lt; W/3, random network faults.</summary>
    public static SimulationScenario FromSeed(int seed)
    {
        var random = new Random(seed);
        int[] sizes = [4, 7, 10];
        var n = sizes[random.Next(sizes.Length)];
        var weighted = random.Next(4) == 0;
        var weights = Enumerable.Range(0, n).Select(_ => weighted ? random.Next(1, 6) : 1L).ToArray();
        var total = weights.Sum();

        // Pick faulty validators while their weight stays strictly below a third of the total.
        var faults = new FaultKind[n];
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var maxFaulty = random.Next(n / 3 + 1);
        long faultyWeight = 0;
        var kinds = Enum.GetValues<FaultKind>().Where(k => k != FaultKind.Honest).ToArray();
        foreach (var i in order.Take(maxFaulty))
        {
            if (3 * (faultyWeight + weights[i]) >= total)
            {
                continue;
            }

            faultyWeight += weights[i];
            faults[i] = kinds[random.Next(kinds.Length)];
        }

        var partition = random.Next(3) == 0 ? Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray() : null;
        return new SimulationScenario
        {
            Seed = seed,
            Weights = weights,
            Faults = faults,
            DropProbability = random.Next(3) == 0 ? 0 : random.NextDouble() * 0.4,
            UnstableMaxDelayMs = random.Next(5, 400),
            StableMaxDelayMs = random.Next(1, 30),
            HealAtMs = random.Next(0, 8_000),
            PartitionSide = partition,
            ChangeValidatorSet = random.Next(4) == 0,
            TargetHeight = n == 10 ? 3 : 4,
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"seed={Seed} n={Count} weights=[{string.Join(",", Weights)}] faults=[{string.Join(",", Faults)}] " +
        $"drop={DropProbability:F2} heal={HealAtMs}ms partition={(PartitionSide is null ? "no" : "yes")} valsetChange={ChangeValidatorSet}";
}
