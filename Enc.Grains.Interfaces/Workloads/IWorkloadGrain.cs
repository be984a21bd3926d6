using Enc.Grains.Interfaces.Scheduling;
using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Workloads;

/// <summary>One workload, keyed "namespace/name". Holds the spec, places instances and tracks their state.</summary>
[Alias("Enc.Workloads.IWorkloadGrain")]
public interface IWorkloadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the workload, or (when <paramref name="allowUpdate"/>) replaces its spec and rolls its
    /// instances one at a time. Throws <see cref="WorkloadSpecException"/> for an invalid spec (nothing is stored)
    /// and <see cref="InvalidOperationException"/> when it exists and updates are not allowed.
    /// </summary>
    [Alias("Apply")]
    Task<WorkloadSnapshot> ApplyAsync(WorkloadSpec spec, bool allowUpdate);

    /// <summary>The workload, or null when it does not exist.</summary>
    [Alias("Get")]
    [ReadOnly]
    Task<WorkloadSnapshot?> GetAsync();

    /// <summary>Stops every instance and keeps the workload (apply it again to restart). False when it does not exist.</summary>
    [Alias("Stop")]
    Task<bool> StopAsync();

    /// <summary>
    /// Stops every instance and deletes the workload. False when it does not exist. The workload is forgotten once
    /// every node gave its instances' reservations back: at once normally; after a failed release it stays listed,
    /// stopped, refusing apply, until the retried release succeeds.
    /// </summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync();

    /// <summary>Status observed by a node agent.</summary>
    [Alias("Report")]
    [OneWay]
    Task ReportAsync(string nodeName, IReadOnlyList<InstanceStatusReport> reports);

    /// <summary>Moves instances off nodes that are Down (new instances elsewhere; the old ones stopped).</summary>
    [Alias("EvacuateNodes")]
    Task EvacuateNodesAsync(IReadOnlyList<string> downNodes);

    /// <summary>
    /// Takes one instance off its node (preemption or a NoExecute taint): it is stopped by its agent, and a
    /// replacement waits Pending until a node can take it. False when the instance is unknown or not running here.
    /// </summary>
    [Alias("Evict")]
    Task<bool> EvictAsync(InstanceEviction eviction);

    /// <summary>
    /// Tries the Pending instances again (called when a cluster change may let them fit), and every node release
    /// still pending (a delete waiting on one completes when the last succeeds).
    /// </summary>
    [Alias("RetryPending")]
    [OneWay]
    Task RetryPendingAsync();

    /// <summary>The most recent scheduling decisions, oldest first (bounded); the last one is what <c>enc explain</c> shows.</summary>
    [Alias("Decisions")]
    [ReadOnly]
    Task<IReadOnlyList<SchedulingExplanation>> GetDecisionsAsync();

    /// <summary>
    /// Whether this workload holds instance <paramref name="instanceId"/> on node <paramref name="nodeName"/>: true
    /// when it has that instance (in any state, finished ones included while the workload keeps them) placed on that
    /// node; false for a workload that does not exist (never did, or was deleted), an instance it does not know (or
    /// dropped by compaction), and an instance placed on another node or not placed. Read-only; asked by a node's
    /// reservation audit (<see cref="Nodes.Reservations.INodeReservationAuditGrain"/>) and answered even while an
    /// operation of the workload is in progress, so the audit never waits on a workload that waits on the node.
    /// </summary>
    [Alias("HoldsInstance")]
    [AlwaysInterleave]
    Task<bool> HoldsInstanceAsync(string instanceId, string nodeName);

    /// <summary>Recent events, oldest first.</summary>
    [Alias("Events")]
    [ReadOnly]
    Task<IReadOnlyList<WorkloadEvent>> GetEventsAsync();

    /// <summary>Binds a ConsensusDriven placement committed by consensus (called by the block's round grain).</summary>
    [Alias("BindConsensusPlacement")]
    Task BindConsensusPlacementAsync(Consensus.ConsensusPlacementBinding binding);
}
