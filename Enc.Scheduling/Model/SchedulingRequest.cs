namespace Enc.Scheduling.Model;

/// <summary>A workload (or a number of its replicas) waiting to be placed.</summary>
public sealed record SchedulingRequest
{
    /// <summary>Workload id, unique in the cluster.</summary>
    public required string WorkloadId { get; init; }

    /// <summary>Namespace; workload affinity only sees instances of the same namespace.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Resources per replica.</summary>
    public required ResourceVector Resources { get; init; }

    /// <summary>Number of replicas to place.</summary>
    /// <value>Defaults to 1.</value>
    public int Replicas { get; init; } = 1;

    /// <summary>Index given to the first replica placed by this request (replicas already running keep theirs).</summary>
    public int FirstReplicaIndex { get; init; }

    /// <summary>Priority; higher is scheduled first and may preempt lower-priority instances.</summary>
    public int Priority { get; init; }

    /// <summary>Submission sequence number; orders requests of equal priority (lower first).</summary>
    public required long SubmissionSequence { get; init; }

    /// <summary>Labels the placed instances carry (seen by other workloads' affinity terms).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels.Instance;

    /// <summary>Node labels that must all be present with these exact values.</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = EmptyLabels.Instance;

    /// <summary>Required node affinity: a node must match at least one term (empty list = no requirement).</summary>
    public IReadOnlyList<NodeSelectorTerm> RequiredNodeAffinity { get; init; } = [];

    /// <summary>Preferred node affinity terms.</summary>
    public IReadOnlyList<PreferredNodeAffinityTerm> PreferredNodeAffinity { get; init; } = [];

    /// <summary>Required affinity to other workloads' instances: every term must hold.</summary>
    public IReadOnlyList<WorkloadAffinityTerm> RequiredWorkloadAffinity { get; init; } = [];

    /// <summary>Required anti-affinity to other workloads' instances: no term may be violated.</summary>
    public IReadOnlyList<WorkloadAffinityTerm> RequiredWorkloadAntiAffinity { get; init; } = [];

    /// <summary>Preferred affinity terms (weighted).</summary>
    public IReadOnlyList<WorkloadAffinityTerm> PreferredWorkloadAffinity { get; init; } = [];

    /// <summary>Preferred anti-affinity terms (weighted).</summary>
    public IReadOnlyList<WorkloadAffinityTerm> PreferredWorkloadAntiAffinity { get; init; } = [];

    /// <summary>Tolerations.</summary>
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary>Zone spread constraint, if any.</summary>
    public ZoneSpreadConstraint? ZoneSpread { get; init; }

    /// <summary>Workload ids this workload talks to; scored toward low-latency nodes for them.</summary>
    public IReadOnlyList<string> CommunicatesWith { get; init; } = [];

    /// <summary>Algorithm name (see <see cref="SchedulingAlgorithmNames"/>); <see langword="null"/> uses the cluster default.</summary>
    public string? Algorithm { get; init; }

    /// <summary>For <c>ResourceBased</c>: <c>binpack</c> or <c>spread</c> (see <see cref="ResourceStrategyNames"/>); <see langword="null"/> uses the cluster default.</summary>
    public string? ResourceStrategy { get; init; }
}
