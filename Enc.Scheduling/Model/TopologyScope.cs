namespace Enc.Scheduling.Model;

/// <summary>The topology domain a workload affinity term is evaluated in.</summary>
public enum TopologyScope
{
    /// <summary>Invalid sentinel.</summary>
    Unknown = 0,

    /// <summary>Same node.</summary>
    Node = 1,

    /// <summary>Same zone.</summary>
    Zone = 2,
}
