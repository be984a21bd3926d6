using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads;

/// <summary>Persisted state of a workload grain.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.WorkloadRecord")]
public sealed class WorkloadRecord
{
    /// <summary>The spec; null when the workload does not exist.</summary>
    [Id(0)] public WorkloadSpec? Spec { get; set; }

    /// <summary>Incremented on every spec change.</summary>
    [Id(1)] public long SpecVersion { get; set; }

    /// <summary>Stopped by the user.</summary>
    [Id(2)] public bool Stopped { get; set; }

    /// <summary>Instances, oldest first.</summary>
    [Id(3)] public List<WorkloadInstance> Instances { get; set; } = [];

    /// <summary>Recent events, oldest first.</summary>
    [Id(4)] public List<WorkloadEvent> Events { get; set; } = [];

    /// <summary>First submission.</summary>
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change of spec or desired state.</summary>
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Incremented by every change <see cref="WorkloadPlanner"/> makes to this record (spec, instances, events),
    /// so the grain can skip the storage write when an operation (typically an agent's unchanged report)
    /// changed nothing. Records written before this field existed load with 0.
    /// </summary>
    [Id(7)] public long Revision { get; set; }

    /// <summary>
    /// Deletion was requested: the workload is stopped and the grain empties the record once every instance's
    /// node reservation was given back (like a Kubernetes object waiting on its finalizers). False in records
    /// written before this field existed.
    /// </summary>
    [Id(8)] public bool Deleting { get; set; }

    /// <summary>
    /// The workload was deleted and this record emptied, but its name may still be in the workload registry
    /// (or its scheduling decisions stored): the grain removes them, retrying until both succeeded, then clears
    /// this. False in records written before this field existed.
    /// </summary>
    [Id(9)] public bool RegistryRemovalPending { get; set; }

    /// <summary>Receipts of this workload's and its instances' changes not yet confirmed by the ledger (kept across deletion).</summary>
    [Id(20)] public Receipts.ReceiptOutbox Receipts { get; set; } = new();

    /// <summary>
    /// A copy that no later change of this record reaches (its lists and outbox are copied; their elements are
    /// immutable), so the grain can put the record back as it was when a write fails.
    /// </summary>
    public WorkloadRecord Copy() => new()
    {
        Spec = Spec,
        SpecVersion = SpecVersion,
        Stopped = Stopped,
        Instances = [.. Instances],
        Events = [.. Events],
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Revision = Revision,
        Deleting = Deleting,
        RegistryRemovalPending = RegistryRemovalPending,
        Receipts = new Receipts.ReceiptOutbox { Pending = [.. Receipts.Pending], ChainHeads = new(Receipts.ChainHeads, StringComparer.Ordinal) },
    };
}
