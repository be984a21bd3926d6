namespace Enc.Grains.Interfaces.Workloads;

/// <summary>The task driver that runs a workload's instances on a node.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.WorkloadDriver")]
public enum WorkloadDriver
{
    /// <summary>Not set; never valid in a submitted spec.</summary>
    Invalid = 0,

    /// <summary>A container on the node's Docker engine (spec value <c>docker</c>).</summary>
    Docker = 1,

    /// <summary>A plain child process of the node agent, like Nomad's raw_exec (spec value <c>process</c>).</summary>
    Process = 2,
}
