using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Scheduling;

/// <summary>
/// The logic of the cluster's unschedulable queue: parked workloads with the changes that may help them.
/// A change wakes (and unparks) exactly the workloads that wait for one of its kinds; a workload that is
/// still unschedulable parks again after its retry, so nothing spins while the cluster is quiet.
/// </summary>
public sealed class UnschedulableSet
{
    private readonly SortedDictionary<string, ClusterChangeKinds> _parked = new(StringComparer.Ordinal);

    /// <summary>Parked workloads, by id.</summary>
    public IReadOnlyList<KeyValuePair<string, ClusterChangeKinds>> Parked => _parked.ToList();

    /// <summary>Parks <paramref name="workloadId"/> until one of <paramref name="wakeOn"/> (None = any change); merges with an earlier park.</summary>
    public void Park(string workloadId, ClusterChangeKinds wakeOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workloadId);
        var kinds = wakeOn == ClusterChangeKinds.None ? ClusterChangeKinds.All : wakeOn;
        _parked[workloadId] = _parked.TryGetValue(workloadId, out var existing) ? existing | kinds : kinds;
    }

    /// <summary>Unparks and returns the workloads <paramref name="change"/> may help, in id order.</summary>
    public IReadOnlyList<string> Wake(ClusterChangeKinds change)
    {
        var woken = _parked.Where(p => (p.Value & change) != 0).Select(p => p.Key).ToList();
        foreach (var id in woken)
        {
            _parked.Remove(id);
        }

        return woken;
    }
}
