namespace Enc.Scheduling.Model;

/// <summary>Names of scheduling algorithms, as written in workload specs, receipts and <c>enc inspect</c>.</summary>
public static class SchedulingAlgorithmNames
{
    /// <summary>Score by resource fit (binpack or spread) plus constraint preferences; highest score wins.</summary>
    public const string ResourceBased = "ResourceBased";

    /// <summary>The next feasible node after a cursor kept in cluster state.</summary>
    public const string RoundRobin = "RoundRobin";

    /// <summary>Policy-checked placement; registered by a later issue.</summary>
    public const string PolicyBased = "PolicyBased";

    /// <summary>Placement proposed by the round's proposer and voted by validators; registered by the consensus issue.</summary>
    public const string ConsensusDriven = "ConsensusDriven";

    /// <summary>Placement accompanied by a Groth16 proof of correct scheduling; registered by a later issue.</summary>
    public const string ZkVerified = "ZkVerified";
}
