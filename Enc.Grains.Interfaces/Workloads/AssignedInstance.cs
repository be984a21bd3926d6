namespace Enc.Grains.Interfaces.Workloads;

/// <summary>An instance assigned to a node: what that node's agent must run.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.AssignedInstance")]
public sealed record AssignedInstance
{
    /// <summary>Instance id.</summary>
    [Id(0)] public required string InstanceId { get; init; }

    /// <summary>The spec to run.</summary>
    [Id(1)] public required WorkloadSpec Spec { get; init; }

    /// <summary>Spec version.</summary>
    [Id(2)] public required long SpecVersion { get; init; }

    /// <summary>Host ports by port name, assigned ones resolved.</summary>
    [Id(3)] public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Restarts recorded so far.</summary>
    [Id(4)] public int RestartCount { get; init; }

    /// <summary>True once the instance finished (never start again; keep its task for logs).</summary>
    [Id(5)] public bool Finished { get; init; }
}
