using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Scheduling;

/// <summary>Reports cluster changes to the unschedulable queue (<see cref="IPendingPlacementsGrain"/>).</summary>
public static class ClusterChanges
{
    /// <summary>Reports <paramref name="change"/>; one-way, so it never waits for the woken workloads.</summary>
    public static Task NotifyAsync(IGrainFactory grains, ClusterChangeKinds change)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return change == ClusterChangeKinds.None
            ? Task.CompletedTask
            : grains.GetGrain<IPendingPlacementsGrain>(IPendingPlacementsGrain.DefaultKey).ClusterChangedAsync(change);
    }
}
