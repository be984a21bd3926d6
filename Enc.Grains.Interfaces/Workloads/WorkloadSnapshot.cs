namespace Enc.Grains.Interfaces.Workloads;

/// <summary>A workload as clients see it: spec, version, desired state and instances.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadSnapshot")]
public sealed record WorkloadSnapshot
{
    /// <summary>"namespace/name".</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The current spec.</summary>
    [Id(1)] public required WorkloadSpec Spec { get; init; }

    /// <summary>Incremented on every spec change.</summary>
    [Id(2)] public required long SpecVersion { get; init; }

    /// <summary>True after <c>stop</c>: no instance runs until the spec is applied again.</summary>
    [Id(3)] public required bool Stopped { get; init; }

    /// <summary>Instances, current and past (newest last).</summary>
    [Id(4)] public required IReadOnlyList<WorkloadInstance> Instances { get; init; }

    /// <summary>When the workload was first submitted.</summary>
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the spec or desired state last changed.</summary>
    [Id(6)] public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// True after <c>delete</c> while a node still holds the reservation of one of its instances: the workload is
    /// stopped, refuses <c>apply</c>, and is forgotten once every release (retried) succeeded.
    /// </summary>
    [Id(7)] public bool Deleting { get; init; }
}
