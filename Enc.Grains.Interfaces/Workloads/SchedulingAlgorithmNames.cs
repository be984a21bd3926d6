namespace Enc.Grains.Interfaces.Workloads;

/// <summary>The scheduling algorithm names a workload may request.</summary>
public static class SchedulingAlgorithmNames
{
    /// <summary>Resource fit (bin-packing or spread over CPU, memory, disk and bandwidth).</summary>
    public const string ResourceBased = "ResourceBased";

    /// <summary>Round robin over feasible nodes.</summary>
    public const string RoundRobin = "RoundRobin";

    /// <summary>Placement decided by cluster policy rules.</summary>
    public const string PolicyBased = "PolicyBased";

    /// <summary>Validators vote on the placement (IBFT/QBFT).</summary>
    public const string ConsensusDriven = "ConsensusDriven";

    /// <summary>Placement accompanied by a Groth16 proof.</summary>
    public const string ZkVerified = "ZkVerified";

    /// <summary>Every known name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [ResourceBased, RoundRobin, PolicyBased, ConsensusDriven, ZkVerified];
}
