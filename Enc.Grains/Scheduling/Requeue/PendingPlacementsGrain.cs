using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Scheduling;

/// <summary>
/// The cluster's unschedulable queue (<see cref="IPendingPlacementsGrain"/>), over <see cref="UnschedulableSet"/>.
/// Held in memory: if the activation is lost, parked workloads still retry on their own slow safety timer.
/// </summary>
public sealed class PendingPlacementsGrain : Grain, IPendingPlacementsGrain
{
    private readonly UnschedulableSet _set = new();

    Task IPendingPlacementsGrain.ParkAsync(string workloadId, ClusterChangeKinds wakeOn)
    {
        _set.Park(workloadId, wakeOn);
        return Task.CompletedTask;
    }

    async Task IPendingPlacementsGrain.ClusterChangedAsync(ClusterChangeKinds change)
    {
        foreach (var id in _set.Wake(change))
        {
            await GrainFactory.GetGrain<IWorkloadGrain>(id).RetryPendingAsync();
        }
    }

    Task<IReadOnlyList<KeyValuePair<string, ClusterChangeKinds>>> IPendingPlacementsGrain.ListAsync() =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, ClusterChangeKinds>>>(_set.Parked);
}
