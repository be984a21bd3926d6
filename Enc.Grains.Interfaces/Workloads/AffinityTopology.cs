namespace Enc.Grains.Interfaces.Workloads;

/// <summary>The domain a workload affinity rule is evaluated in.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.AffinityTopology")]
public enum AffinityTopology
{
    /// <summary>Not set; invalid.</summary>
    Invalid = 0,

    /// <summary>The same node.</summary>
    Node = 1,

    /// <summary>The same zone.</summary>
    Zone = 2,
}
