using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>
/// The cluster's unschedulable queue (singleton, key <see cref="DefaultKey"/>): workloads with instances
/// no node could take park here with the changes that could help them; a matching cluster change
/// wakes them once (no busy loop). Node grains and workload grains report changes.
/// </summary>
[Alias("Enc.Scheduling.IPendingPlacementsGrain")]
public interface IPendingPlacementsGrain : IGrainWithStringKey
{
    /// <summary>The singleton's key.</summary>
    const string DefaultKey = "cluster";

    /// <summary>Parks a workload until one of <paramref name="wakeOn"/> happens (<see cref="ClusterChangeKinds.None"/> = any change).</summary>
    [Alias("Park")]
    Task ParkAsync(string workloadId, ClusterChangeKinds wakeOn);

    /// <summary>Reports a cluster change; parked workloads it may help retry their pending instances.</summary>
    [Alias("ClusterChanged")]
    [OneWay]
    Task ClusterChangedAsync(ClusterChangeKinds change);

    /// <summary>Parked workload ids and what wakes them, sorted by id.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<KeyValuePair<string, ClusterChangeKinds>>> ListAsync();
}
